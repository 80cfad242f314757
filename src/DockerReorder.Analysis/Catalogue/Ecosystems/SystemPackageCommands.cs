using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// System package managers: apt-get/apt, dpkg, apk, yum, dnf, microdnf, zypper, and the PHP image's
/// extension scripts. They read nothing from the context, unless they install a package file from the working directory.
/// Their writes are the system directories packages install into (not <c>/usr</c> as a whole, so a copy into <c>/usr/src/app</c> does not collide).
/// </summary>
internal static class SystemPackageCommands
{
    /// <summary>Where installed packages put their files.</summary>
    private static readonly string[] InstalledFiles = ["/bin", "/etc", "/lib", "/sbin", "/usr/bin", "/usr/include", "/usr/lib", "/usr/libexec", "/usr/sbin", "/usr/share", "/var/lib"];

    private static readonly FrozenSet<string> AptOptions = FrozenSet.ToFrozenSet(["-o", "--option", "-c", "--config-file", "-t", "--target-release", "-a", "--host-architecture"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> ApkOptions = FrozenSet.ToFrozenSet(["-t", "--virtual", "-X", "--repository", "--repositories-file", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--cache-max-age"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> YumOptions = FrozenSet.ToFrozenSet(["--setopt", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "-c", "--config", "--exclude", "-x", "--repo", "--repofrompath", "--nobest", "--module", "--forcearch"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> ZypperOptions = FrozenSet.ToFrozenSet(["-r", "--repo", "--from", "-t", "--type", "--root", "-R"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> AptSubcommands = FrozenSet.ToFrozenSet(
        ["update", "install", "upgrade", "dist-upgrade", "full-upgrade", "clean", "autoclean", "autoremove", "remove", "purge", "build-dep", "satisfy", "-f", "mark"],
        StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["apt-get"] = Apt;
        table["apt"] = Apt;
        table["aptitude"] = Apt;
        table["dpkg"] = Dpkg;
        table["apk"] = Apk;
        table["yum"] = Yum;
        table["dnf"] = Yum;
        table["microdnf"] = Yum;
        table["tdnf"] = Yum;
        table["zypper"] = Zypper;
        table["add-apt-repository"] = command => command.ReadsNothing("apt", "/etc/apt/sources.list.d");
        table["docker-php-ext-install"] = command => command.ReadsNothing("docker-php-ext", "/usr/local/lib/php", "/usr/local/etc/php", "/usr/local/include/php");
        table["docker-php-ext-configure"] = command => command.ReadsNothing("docker-php-ext", "/usr/src/php");
        table["docker-php-ext-enable"] = command => command.ReadsNothing("docker-php-ext", "/usr/local/etc/php/conf.d");
        table["docker-php-source"] = command => command.ReadsNothing("docker-php-ext", "/usr/src/php");
        table["install-php-extensions"] = command => command.ReadsNothing("docker-php-ext", "/usr/local/lib/php", "/usr/local/etc/php");
        table["pecl"] = command => InstallsNamedPackages(command, "pecl", ScriptClassifier.NoValues, ".tgz", "/usr/local/lib/php");
    }

    private static void Apt(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, AptOptions);
        if (arguments.Positionals.Count == 0 || !AptSubcommands.Contains(arguments.Positionals[0].Value))
        {
            command.NotKnown();
            return;
        }

        command.ReadsNothing("apt");
        ReadsOptionFiles(command, arguments, "-c", "--config-file");
        switch (arguments.Positionals[0].Value)
        {
            case "update":
                command.Effect.Write("/var/lib/apt/lists");
                break;
            case "clean" or "autoclean":
                command.Effect.Write("/var/cache/apt");
                break;
            default:
                WritesInstalledFiles(command);
                command.Effect.Write("/var/cache/apt");
                CheckPackageFiles(command, arguments.Positionals.Skip(1), ".deb");
                break;
        }
    }

    private static void Dpkg(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, AptOptions);
        if (arguments.Has("--print-architecture", "-l", "--list", "-s", "--status", "-L", "--listfiles", "-S", "--search", "--add-architecture"))
        {
            if (arguments.Has("--add-architecture"))
            {
                command.Effect.Write("/var/lib/dpkg");
            }

            return;
        }

        if (arguments.Has("-i", "--install", "-r", "--remove", "-P", "--purge"))
        {
            command.ReadsNothing("apt");
            WritesInstalledFiles(command);
            CheckPackageFiles(command, arguments.Positionals, ".deb", everyOperandIsFile: arguments.Has("-i", "--install"));
            return;
        }

        command.NotKnown();
    }

    private static void Apk(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ApkOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        if (subcommand is not ("add" or "update" or "upgrade" or "del" or "fix" or "cache" or "info" or "search" or "policy" or "version"))
        {
            command.NotKnown();
            return;
        }

        command.ReadsNothing("apk");
        ReadsOptionFiles(command, arguments, "--repositories-file", "--keys-dir", "-X", "--repository");
        if (subcommand is "add" or "del" or "upgrade" or "fix")
        {
            WritesInstalledFiles(command);
            command.Effect.Write("/lib/apk/db");
            CheckPackageFiles(command, arguments.Positionals.Skip(1), ".apk");
        }

        if (!arguments.Has("--no-cache") && subcommand is "add" or "update" or "upgrade")
        {
            command.Effect.Write("/var/cache/apk");
        }
    }

    private static void Yum(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, YumOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var ecosystem = command.Name;
        ReadsOptionFiles(command, arguments, "-c", "--config");
        foreach (var repository in arguments.Values("--repofrompath"))
        {
            // --repofrompath=ID,PATH: a local path is a repository folder read like a package file.
            var comma = repository.Value.IndexOf(',', StringComparison.Ordinal);
            ReadsUnlessUrl(command, new ShellWord(repository.Value[(comma + 1)..], repository.IsResolved));
        }

        switch (subcommand)
        {
            case "install" or "reinstall" or "update" or "upgrade" or "remove" or "erase" or "groupinstall" or "localinstall" or "autoremove" or "downgrade" or "distro-sync":
                command.ReadsNothing(ecosystem);
                WritesInstalledFiles(command);
                command.Effect.Write("/var/cache/" + (ecosystem == "microdnf" ? "dnf" : ecosystem));
                CheckPackageFiles(command, arguments.Positionals.Skip(1), ".rpm", everyOperandIsFile: subcommand == "localinstall");
                return;
            case "clean" or "makecache" or "check-update" or "repolist" or "info" or "list" or "search":
                command.ReadsNothing(ecosystem, "/var/cache/" + (ecosystem == "microdnf" ? "dnf" : ecosystem));
                return;
            case "module" or "config-manager" or "group":
                command.ReadsNothing(ecosystem, "/etc/yum.repos.d", "/etc/dnf");
                WritesInstalledFiles(command);
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    private static void Zypper(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ZypperOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "install" or "in" or "update" or "up" or "dist-upgrade" or "dup" or "remove" or "rm" or "patch":
                command.ReadsNothing("zypper");
                WritesInstalledFiles(command);
                command.Effect.Write("/var/cache/zypp");
                CheckPackageFiles(command, arguments.Positionals.Skip(1), ".rpm");
                return;
            case "refresh" or "ref" or "clean" or "cc" or "addrepo" or "ar" or "removerepo" or "rr" or "modifyrepo" or "mr" or "lr" or "repos":
                command.ReadsNothing("zypper", "/etc/zypp", "/var/cache/zypp");
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    /// <summary>An installer of named packages (pecl, ...) that reads nothing unless given a package file from the working directory.</summary>
    internal static void InstallsNamedPackages(CommandInvocation command, string ecosystem, FrozenSet<string> optionsWithValue, string fileExtension, params ReadOnlySpan<string> writes)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, optionsWithValue);
        command.ReadsNothing(ecosystem, writes);
        CheckPackageFiles(command, arguments.Positionals.Skip(1), fileExtension);
    }

    /// <summary>Options naming a configuration file, key folder or local repository: a path is read (a URL is not).</summary>
    private static void ReadsOptionFiles(CommandInvocation command, ParsedArguments arguments, params string[] options)
    {
        foreach (var value in arguments.Values(options))
        {
            ReadsUnlessUrl(command, value);
        }
    }

    private static void ReadsUnlessUrl(CommandInvocation command, ShellWord path)
    {
        if (!path.Value.Contains("://", StringComparison.Ordinal))
        {
            command.ReadsPath(path);
        }
    }

    private static void WritesInstalledFiles(CommandInvocation command)
    {
        foreach (var path in InstalledFiles)
        {
            command.Effect.Write(path);
        }
    }

    /// <summary>A package named by a path (<c>./x.deb</c>, <c>/tmp/x.apk</c>) is read from the image; in the working directory, from the source.</summary>
    private static void CheckPackageFiles(CommandInvocation command, IEnumerable<ShellWord> operands, string extension, bool everyOperandIsFile = false)
    {
        foreach (var operand in operands)
        {
            var text = operand.Value;
            if (everyOperandIsFile || text.Contains('/', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal)
                || text.EndsWith(extension, StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
            {
                command.ReadsPath(operand);
            }
        }
    }
}
