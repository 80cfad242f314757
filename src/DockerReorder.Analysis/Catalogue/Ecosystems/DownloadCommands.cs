using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Network downloads: <c>curl</c> and <c>wget</c> read nothing from the context; what they write (to an
/// absolute path, or standard output) decides the rest. Also <c>gpg --dearmor</c> and <c>apt-key add</c> for repository keys.
/// </summary>
internal static class DownloadCommands
{
    private static readonly FrozenSet<string> CurlOptions = FrozenSet.ToFrozenSet(
    [
        "-o", "--output", "-H", "--header", "-u", "--user", "-A", "--user-agent", "-X", "--request", "-d", "--data", "--data-binary",
        "--data-raw", "--data-urlencode", "-e", "--referer", "-m", "--max-time", "--connect-timeout", "--retry", "--retry-delay",
        "--retry-max-time", "-x", "--proxy", "-w", "--write-out", "--cacert", "--cert", "--key", "-T", "--upload-file", "-K", "--config",
        "-b", "--cookie", "-c", "--cookie-jar", "-r", "--range", "--output-dir", "-F", "--form", "--limit-rate", "--proto", "--proto-redir",
        "--tlsv1.2", "--ciphers", "-z", "--time-cond", "-Y", "--speed-limit", "-y", "--speed-time",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> WgetOptions = FrozenSet.ToFrozenSet(
    [
        "-O", "--output-document", "-P", "--directory-prefix", "-o", "--output-file", "-a", "--append-output", "-U", "--user-agent",
        "--header", "-T", "--timeout", "-t", "--tries", "--user", "--password", "--ca-certificate", "-i", "--input-file", "-e", "--execute",
        "-w", "--wait", "--post-data", "--post-file", "--load-cookies", "--save-cookies",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> GpgOptions = FrozenSet.ToFrozenSet(
        ["-o", "--output", "--keyserver", "--recv-keys", "--homedir", "--keyring", "--default-key", "--trust-model", "--keyserver-options"],
        StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["curl"] = Curl;
        table["wget"] = Wget;
        table["gpg"] = Gpg;
        table["apt-key"] = AptKey;
    }

    /// <summary><c>apt-key add FILE</c> reads the key file (<c>-</c>: standard input); other uses read nothing from the context.</summary>
    private static void AptKey(CommandInvocation command)
    {
        command.ReadsNothing(null, "/etc/apt/trusted.gpg");
        if (command.Arguments.Count >= 2 && command.Arguments[0].Value == "add" && command.Arguments[1].Value != "-")
        {
            command.ReadsPath(command.Arguments[1]);
        }
    }

    private static void Curl(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, CurlOptions);
        foreach (var (name, value) in arguments.Options)
        {
            if (value is not { } given)
            {
                continue;
            }

            if (name is "-o" or "--output" && given.Value != "-")
            {
                command.WritesPath(given);
            }
            else if (name is "--output-dir" or "-c" or "--cookie-jar")
            {
                command.WritesPath(given);
            }
            else if (name is "-T" or "--upload-file" or "-K" or "--config" or "--cacert" or "--cert" or "--key")
            {
                command.ReadsPath(given);
            }
            else if (name is "-d" or "--data" or "--data-binary" or "-F" or "--form" && given.Value.Contains('@', StringComparison.Ordinal))
            {
                command.ReadsPath(new ShellWord(given.Value[(given.Value.IndexOf('@', StringComparison.Ordinal) + 1)..], given.IsResolved));
            }
        }

        if (arguments.Has("-O", "--remote-name", "--remote-name-all", "-J", "--remote-header-name") && arguments.Value("--output-dir") is null)
        {
            foreach (var url in arguments.Positionals)
            {
                command.WritesPath(new ShellWord(WorkingPath.FileName(url.Value), url.IsResolved));
            }
        }
    }

    private static void Wget(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, WgetOptions);
        var document = arguments.Value("-O", "--output-document");
        if (document is { } output)
        {
            if (output.Value != "-")
            {
                command.WritesPath(output);
            }
        }
        else
        {
            var prefix = arguments.Value("-P", "--directory-prefix")?.Value ?? ".";
            foreach (var url in arguments.Positionals)
            {
                command.WritesPath(new ShellWord(prefix + "/" + WorkingPath.FileName(url.Value), url.IsResolved));
            }
        }

        foreach (var file in arguments.Values("-i", "--input-file", "--post-file", "--load-cookies", "--ca-certificate"))
        {
            command.ReadsPath(file);
        }

        foreach (var file in arguments.Values("-o", "--output-file", "-a", "--append-output", "--save-cookies"))
        {
            command.WritesPath(file);
        }
    }

    private static void Gpg(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, GpgOptions);
        if (arguments.Has("--dearmor", "--dearmour", "--export", "--recv-keys", "--keyserver", "--import", "--verify", "--batch", "--fingerprint", "--list-keys"))
        {
            if (arguments.Value("-o", "--output") is { } output)
            {
                command.WritesPath(output);
            }

            foreach (var file in arguments.Positionals.Where(word => !arguments.Has("--recv-keys", "--keyserver")))
            {
                command.ReadsPath(file);
            }

            return;
        }

        command.NotKnown();
    }
}
