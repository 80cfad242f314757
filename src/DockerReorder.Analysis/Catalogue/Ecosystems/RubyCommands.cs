using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Ruby: <c>bundle install</c> reads <c>Gemfile</c>, <c>Gemfile.lock</c>, <c>.bundle/config</c>, the gem cache <c>vendor/cache</c>
/// and files the Gemfile reads (<c>ruby file: ".ruby-version"</c>, <c>File.read(".ruby-version")</c>); a <c>gemspec</c> line,
/// <c>path:</c> gems, <c>eval_gemfile</c> or a read of any other file make it need the source; <c>gem install x</c> and
/// <c>bundle config set</c> read nothing.
/// </summary>
internal static class RubyCommands
{
    private static readonly FrozenSet<string> BundleOptions = FrozenSet.ToFrozenSet(
        ["--jobs", "-j", "--retry", "--without", "--with", "--path", "--gemfile", "--binstubs", "--standalone", "--trust-policy", "--shebang"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> GemOptions = FrozenSet.ToFrozenSet(["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "--platform"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["bundle"] = Bundle;
        table["bundler"] = Bundle;
        table["gem"] = Gem;
        table["ruby"] = command =>
        {
            if (command.Arguments.Count > 0 && command.Arguments[0].Value is "-v" or "--version")
            {
                return;
            }

            command.NeedsSource("runs project code");
        };
        table["rails"] = command => command.NeedsSource("runs the Rails application");
        table["rake"] = command => command.NeedsSource("runs project tasks");
    }

    private static void Bundle(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, BundleOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : "install";
        switch (subcommand)
        {
            case "install":
                Install(command, arguments);
                return;
            case "config":
                Config(command, arguments);
                return;
            case "clean" or "cache" when arguments.Has("--force") || subcommand == "clean":
                command.ReadsNothing("bundler");
                return;
            case "-v" or "--version" or "version":
                return;
            case "exec" when IsGemfilePrecompile(command.Arguments):
                GemfilePrecompile(command);
                return;
            case "exec" or "binstubs" or "update" or "lock" or "add" or "package":
                command.NeedsSourceIn("bundler", "runs or changes the project");
                return;
            default:
                if (arguments.Positionals.Count == 0 && arguments.Has("-v", "--version"))
                {
                    return;
                }

                command.NotKnown();
                return;
        }
    }

    // `bundle exec bootsnap precompile --gemfile` and nothing else: Rails' generated Dockerfile runs it right after
    // `bundle install`, with only the Gemfile and its lock copied (https://github.com/Shopify/bootsnap#precompilation).
    private static bool IsGemfilePrecompile(IReadOnlyList<ShellWord> words) =>
        words.Count == 4 && words[0].Value == "exec" && words[1].Value == "bootsnap" && words[2].Value == "precompile" && words[3].Value == "--gemfile";

    // It loads the bundle (the Gemfile, its lock and what the Gemfile reads), compiles the gems' Ruby files and writes
    // the cache to tmp/cache under the working directory.
    private static void GemfilePrecompile(CommandInvocation command)
    {
        command.Effect.Ecosystem("bundler");
        command.Effect.Install(command.Display);
        var gemfileName = command.Variable("BUNDLE_GEMFILE") ?? "Gemfile";
        var gemfile = command.ReadsAndLooksUp(gemfileName, required: true);
        var lockName = gemfileName.EndsWith("gems.rb", StringComparison.Ordinal) ? gemfileName[..^"gems.rb".Length] + "gems.locked" : gemfileName + ".lock";
        command.ReadsManifest(lockName, required: false);
        command.ReadsManifest(".bundle/config", required: false);
        if (gemfile.Content is { } text)
        {
            CheckGemfile(command, text, WorkingPath.DirectoryOf(gemfileName));
        }

        if (command.Resolve("tmp/cache") is { } cache)
        {
            command.Effect.Write(cache);
        }
        else
        {
            command.Effect.Unknown($"{command.Display} runs in a directory the catalogue cannot resolve");
        }
    }

    private static void Config(CommandInvocation command, ParsedArguments arguments)
    {
        command.Effect.Ecosystem("bundler");
        var positionals = arguments.Positionals;
        var local = arguments.Has("--local");
        if (local)
        {
            command.Effect.Write(command.Resolve(".bundle/config") ?? ".bundle/config");
        }
        else
        {
            command.Effect.Write(command.Variable("BUNDLE_APP_CONFIG") is { } appConfig ? appConfig + "/config" : command.HomePath(".bundle/config"));
        }

        var setAt = positionals.Count > 1 && positionals[1].Value == "set" ? 2 : 1;
        if (positionals.Count > setAt + 1)
        {
            var key = positionals[setAt].Value.ToUpperInvariant().Replace('.', '_');
            var name = key.StartsWith("BUNDLE_", StringComparison.Ordinal) ? key : "BUNDLE_" + key;
            var value = positionals[setAt + 1];
            command.State.Variables.Set(name, value.IsResolved ? value.Value : null);
        }
    }

    private static void Install(CommandInvocation command, ParsedArguments arguments)
    {
        command.Effect.Ecosystem("bundler");
        command.Effect.Install(command.Display);
        var gemfileName = arguments.Value("--gemfile")?.Value ?? command.Variable("BUNDLE_GEMFILE") ?? "Gemfile";
        var gemfile = command.ReadsAndLooksUp(gemfileName, required: true);
        var lockName = gemfileName.EndsWith("gems.rb", StringComparison.Ordinal) ? gemfileName[..^"gems.rb".Length] + "gems.locked" : gemfileName + ".lock";
        var lockPath = command.ReadsManifest(lockName, required: false);
        command.ReadsManifest(".bundle/config", required: false);
        if (gemfile.Content is { } text)
        {
            CheckGemfile(command, text, WorkingPath.DirectoryOf(gemfileName));
        }

        var frozen = arguments.Has("--frozen", "--deployment")
            || command.Variable("BUNDLE_FROZEN") is "true" or "1" || command.Variable("BUNDLE_DEPLOYMENT") is "true" or "1";
        GemCache(command, frozen);
        // Not frozen, Bundler rewrites even a lock that matches the Gemfile: it adds the build's platform (x86_64-linux) to a lock
        // made on a Mac, so a broad copy moved below the install would put the old lock back.
        if (lockPath is not null && !frozen)
        {
            command.Effect.MayRewrite(lockPath);
        }

        var path = arguments.Value("--path")?.Value
            ?? command.Variable("BUNDLE_PATH")
            ?? (arguments.Has("--deployment") || command.Variable("BUNDLE_DEPLOYMENT") is "true" or "1" ? "vendor/bundle" : null)
            ?? command.Variable("GEM_HOME")
            ?? "/usr/local/bundle";
        command.Effect.Write(command.Resolve(path) ?? path);
        LocalConfigWrites(command);
        if (arguments.Value("--binstubs") is { } binstubs)
        {
            command.WritesPath(binstubs);
        }
        else if (arguments.Has("--binstubs"))
        {
            command.WritesPath(new ShellWord("bin"));
        }
    }

    // The project's .bundle/config may set where gems go (BUNDLE_PATH, or vendor/bundle for BUNDLE_DEPLOYMENT); Bundler reads it
    // unless BUNDLE_APP_CONFIG points elsewhere (the official ruby images set it, which this step cannot see), so the path counts as written.
    private static void LocalConfigWrites(CommandInvocation command)
    {
        if (command.Variable("BUNDLE_APP_CONFIG") is { Length: > 0 } || command.Resolve(".bundle/config") is not { } config
            || command.Lookup(config).Content is not { } content)
        {
            return;
        }

        foreach (var raw in content.Split('\n'))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim().Trim('"', '\'');
            var written = key switch
            {
                "BUNDLE_PATH" when value.Length > 0 => value,
                "BUNDLE_DEPLOYMENT" when value is "true" or "1" => "vendor/bundle",
                _ => null,
            };
            if (written is not null)
            {
                command.Effect.Write(command.Resolve(written) ?? written);
            }
        }
    }

    // Bundler installs from the gems `bundle cache` put in vendor/cache before it asks a remote (only from there with --local),
    // and an install that is not frozen caches into it again, pruning gems the lock no longer names (bundle-cache(1)).
    private static void GemCache(CommandInvocation command, bool frozen)
    {
        var cache = command.Variable("BUNDLE_CACHE_PATH") ?? "vendor/cache";
        if (command.ReadsManifest(cache, required: false, isDirectory: true) is not { } path || frozen)
        {
            return;
        }

        if (command.Classifier.ListDirectory?.Invoke(path) is { Count: > 0 })
        {
            command.Effect.MayRewrite(path);
        }
    }

    // Ruby calls through which a Gemfile reads another file of the project.
    private static readonly string[] FileReads =
        ["File.read", "File.open", "File.readlines", "File.foreach", "File.exist", "File.file?", "IO.read", "IO.readlines", "require_relative", "load ", "Dir[", "Dir.glob"];

    private static void CheckGemfile(CommandInvocation command, string gemfile, string gemfileDirectory)
    {
        foreach (var raw in gemfile.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.StartsWith("gemspec", StringComparison.Ordinal))
            {
                command.NeedsSource("installs the project's gemspec (`gemspec` in the Gemfile)");
            }
            else if (line.StartsWith("eval_gemfile", StringComparison.Ordinal))
            {
                command.NeedsSource("reads other files (`eval_gemfile` in the Gemfile)");
            }
            else if (line.Contains("path:", StringComparison.Ordinal) || line.Contains(":path", StringComparison.Ordinal) || line.StartsWith("path ", StringComparison.Ordinal))
            {
                command.NeedsSource("installs a gem from a local path (`path:` in the Gemfile)");
            }
            else if (line.StartsWith("ruby", StringComparison.Ordinal) && line.Contains("file:", StringComparison.Ordinal))
            {
                if (StringLiteral(line, line.IndexOf("file:", StringComparison.Ordinal)) is { } file)
                {
                    command.ReadsManifest(file, required: true);
                }
            }
            else if (FileReads.FirstOrDefault(call => line.Contains(call, StringComparison.Ordinal)) is { } call)
            {
                // `ruby File.read(".ruby-version").strip`: the version file is a manifest the copy brings; any other file is the source.
                var file = StringLiteral(line, 0);
                if (file is { Length: > 0 } && ManifestNames.IsManifest(file) && !file.Contains('*', StringComparison.Ordinal))
                {
                    var relativeToGemfile = line.Contains("__dir__", StringComparison.Ordinal) || line.Contains("__FILE__", StringComparison.Ordinal);
                    command.ReadsManifest(relativeToGemfile ? WorkingPath.Combine(gemfileDirectory, file) : file, required: true);
                }
                else
                {
                    command.NeedsSource($"reads other files (`{call.TrimEnd(' ', '[')}` in the Gemfile)");
                }
            }
        }
    }

    // The first quoted string at or after `start`, or null when none is closed.
    private static string? StringLiteral(string line, int start)
    {
        var quote = line.IndexOfAny(['"', '\''], start);
        var end = quote < 0 ? -1 : line.IndexOf(line[quote], quote + 1);
        return end > quote ? line[(quote + 1)..end] : null;
    }

    private static void Gem(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, GemOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "install" or "update" or "uninstall" or "cleanup" or "sources" or "list" or "env" or "pristine":
                foreach (var gem in arguments.Positionals.Skip(1))
                {
                    if (gem.Value.EndsWith(".gem", StringComparison.Ordinal) || gem.Value.Contains('/', StringComparison.Ordinal))
                    {
                        command.ReadsPath(gem);
                    }
                }

                var installDirectory = arguments.Value("-i", "--install-dir")?.Value ?? command.Variable("GEM_HOME") ?? "/usr/local/bundle";
                command.ReadsNothing("gem", command.Resolve(installDirectory) ?? installDirectory);
                return;
            case null when arguments.Has("-v", "--version"):
                return;
            default:
                command.NotKnown();
                return;
        }
    }
}
