using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Commands with no effect on the file system, or that only change shell or system state:
/// <c>echo</c>, <c>set -e</c>, <c>export</c>, <c>useradd</c>, <c>ldconfig</c>, <c>update-ca-certificates</c>, ...
/// </summary>
internal static class StateCommands
{
    private static readonly string[] NoEffect =
    [
        "echo", "printf", "true", "false", ":", "pwd", "ls", "set", "umask", "export", "unset", "readonly", "declare", "typeset", "local",
        "shopt", "trap", "wait", "sleep", "exit", "return", "hash", "type", "which", "whoami", "id", "uname", "nproc", "arch", "date",
        "printenv", "ulimit", "sync", "df", "du", "free", "getent", "lsb_release", "dpkg-architecture", "stat", "file", "head", "tail",
        "wc", "sort", "uniq", "cut", "tr", "grep", "egrep", "fgrep", "awk", "basename", "dirname", "readlink", "realpath", "test", "[", "[[",
        "seq", "yes", "expr", "cat", "debconf-set-selections", "tty", "locale", "sha256sum", "sha512sum", "sha1sum", "md5sum", "cmp", "diff", "find", "xxd", "od", "base64",
    ];

    /// <summary>Short options that take a value, by command, so that the value is not taken for a file (<c>head -n 1 file</c>).</summary>
    private static readonly FrozenDictionary<string, string> OptionsWithValue = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["head"] = "nc",
        ["tail"] = "nc",
        ["cut"] = "dfcb",
        ["sort"] = "ktoST",
        ["uniq"] = "fsw",
        ["base64"] = "w",
        ["xxd"] = "lsc",
        ["od"] = "AtNj",
        ["stat"] = "c",
        ["diff"] = "U",
        ["file"] = "m",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] UserCommands = ["useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod", "userdel", "deluser", "delgroup", "groupdel", "chpasswd", "passwd"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        foreach (var name in NoEffect)
        {
            table[name] = ReadsOnlyAbsolute;
        }

        foreach (var name in UserCommands)
        {
            table[name] = User;
        }

        // ldconfig caches the libraries of the trusted folders and of those /etc/ld.so.conf names (Debian's lists /usr/local/lib).
        table["ldconfig"] = command => ReadsSystemFiles(command, ["/etc/ld.so.conf", "/etc/ld.so.conf.d", "/lib", "/usr/lib", "/usr/local/lib"], "/etc/ld.so.cache");
        // Installs the certificates put in /usr/local/share/ca-certificates (often by a COPY just above) and those ca-certificates.conf names.
        table["update-ca-certificates"] = command => ReadsSystemFiles(command, ["/usr/local/share/ca-certificates", "/etc/ca-certificates.conf", "/usr/share/ca-certificates"], "/etc/ssl/certs");
        table["locale-gen"] = command => ReadsSystemFiles(command, ["/etc/locale.gen"], "/usr/lib/locale");
        table["localedef"] = command => command.ReadsNothing(null, "/usr/lib/locale");
        table["update-locale"] = command => command.ReadsNothing(null, "/etc/default/locale");
        table["dpkg-reconfigure"] = command => command.ReadsNothing(null, "/etc");
        table["update-alternatives"] = command => command.ReadsNothing(null, "/etc/alternatives");
        table["fc-cache"] = FontCache;
        table["git"] = Git;
        foreach (var name in (string[])["a2enmod", "a2dismod", "a2ensite", "a2dissite", "a2enconf", "a2disconf"])
        {
            table[name] = command => command.ReadsNothing(null, "/etc/apache2");
        }

        table["phpenmod"] = command => command.ReadsNothing(null, "/etc/php");
        table["phpdismod"] = command => command.ReadsNothing(null, "/etc/php");
        table["setcap"] = command =>
        {
            if (command.Arguments.Count >= 2)
            {
                command.WritesPath(command.Arguments[^1]);
            }
            else
            {
                command.NotKnown();
            }
        };
    }

    /// <summary><c>fc-cache [dir...]</c> caches the fonts of the folders given, or of those fontconfig's /etc/fonts names.</summary>
    private static void FontCache(CommandInvocation command)
    {
        ReadsSystemFiles(command, ["/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts"], "/var/cache/fontconfig");
        foreach (var folder in ParsedArguments.Parse(command.Arguments, ScriptClassifier.NoValues).Positionals)
        {
            command.ReadsPath(folder);
        }
    }

    /// <summary>A system command that reads fixed system files (<paramref name="reads"/>) and writes <paramref name="writes"/>.</summary>
    private static void ReadsSystemFiles(CommandInvocation command, string[] reads, params ReadOnlySpan<string> writes)
    {
        command.ReadsNothing(null, writes);
        command.ReadsImagePaths(reads);
    }

    /// <summary>
    /// A command without file-system effect. Arguments that look like paths (not options, not words with
    /// <c>=</c> or spaces) in the working directory are reads of the source: <c>grep x requirements.txt</c>, <c>test -f app.py</c>.
    /// </summary>
    private static void ReadsOnlyAbsolute(CommandInvocation command)
    {
        if (command.Name is "echo" or "printf" or "true" or "false" or ":" or "set" or "umask" or "export" or "unset" or "readonly"
            or "declare" or "typeset" or "local" or "shopt" or "trap" or "wait" or "sleep" or "exit" or "return" or "hash" or "type"
            or "which" or "whoami" or "id" or "uname" or "nproc" or "arch" or "date" or "printenv" or "ulimit" or "sync" or "free"
            or "getent" or "lsb_release" or "dpkg-architecture" or "seq" or "yes" or "expr" or "tty" or "locale" or "pwd"
            or "tr" or "basename" or "dirname")
        {
            return;
        }

        if (command.Name == "ls" || command.Name == "find" && command.Arguments.Count == 0)
        {
            return;
        }

        if (command.Name == "find")
        {
            Find(command);
            return;
        }

        if (command.Name is "test" or "[" or "[[")
        {
            for (var i = 0; i + 1 < command.Arguments.Count; i++)
            {
                if (ExistenceTests.Contains(command.Arguments[i].Value))
                {
                    command.TestsExistence(command.Arguments[++i]);
                }
                else if (FileTests.Contains(command.Arguments[i].Value))
                {
                    command.ReadsPath(command.Arguments[++i]);
                }
            }

            return;
        }

        var scriptFirst = command.Name is "grep" or "egrep" or "fgrep" or "awk";
        var skippedScript = false;
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var word = command.Arguments[i];
            var text = word.Value;
            if (text.Length == 2 && text[0] == '-' && OptionsWithValue.TryGetValue(command.Name, out var letters) && letters.Contains(text[1], StringComparison.Ordinal))
            {
                if (command.Name == "sort" && text == "-o" && i + 1 < command.Arguments.Count)
                {
                    command.WritesPath(command.Arguments[i + 1]);
                }

                i++;
                continue;
            }

            if (text.StartsWith('-') || text.Contains('=', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal) || text.Length == 0)
            {
                if (scriptFirst && text is "-e" or "-f" or "-v" && (text != "-v" || command.Name == "awk"))
                {
                    // grep -e and awk -v take a value (the pattern, an assignment); -f names a file, read below. grep -v only inverts.
                    skippedScript = text != "-v";
                    i += text is "-v" or "-e" ? 1 : 0;
                }

                continue;
            }

            if (scriptFirst && !skippedScript)
            {
                skippedScript = true;
                continue;
            }

            if (!word.IsResolved && !text.StartsWith('$') && !text.StartsWith('/'))
            {
                continue;
            }

            command.ReadsPath(word);
        }
    }

    /// <summary>
    /// File tests whose answer a copy of the file alone reproduces: existence, type, size and permission bits, which a
    /// manifest copy with the broad copy's flags gives the same (not <c>-h</c>/<c>-L</c>: a named source is copied
    /// through its symbolic link; not <c>-N</c>/<c>-O</c>/<c>-G</c>/<c>-u</c>/<c>-g</c>/<c>-k</c>).
    /// </summary>
    private static readonly FrozenSet<string> ExistenceTests = FrozenSet.ToFrozenSet(["-a", "-e", "-f", "-s", "-r", "-w", "-x"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> FileTests = FrozenSet.ToFrozenSet(
        ["-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S"], StringComparer.Ordinal);

    /// <summary>
    /// <c>find</c>: the start paths are read; with <c>-delete</c> or <c>-exec rm/chmod/chown</c> they are written;
    /// any other <c>-exec</c> runs a command the catalogue cannot follow.
    /// </summary>
    private static void Find(CommandInvocation command)
    {
        var arguments = command.Arguments;
        var starts = arguments.TakeWhile(word => !word.Value.StartsWith('-') && word.Value is not ("(" or "!")).ToList();
        var writes = arguments.Any(word => word.Value == "-delete");
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Value is "-exec" or "-execdir" or "-ok" or "-okdir")
            {
                if (i + 1 < arguments.Count && arguments[i + 1].Value is "rm" or "chmod" or "chown" or "strip")
                {
                    writes = true;
                }
                else
                {
                    command.NotKnown();
                    return;
                }
            }
        }

        foreach (var start in starts.Count > 0 ? starts : [new ShellWord(".")])
        {
            if (writes)
            {
                command.WritesPath(start);
            }
            else
            {
                command.ReadsPath(start);
            }
        }
    }

    /// <summary>User and group management writes the account databases (and the home directory it creates).</summary>
    private static void User(CommandInvocation command)
    {
        command.ReadsNothing(null, "/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow");
        // The account defaults and the skeleton copied into a new home.
        command.ReadsImagePaths("/etc/login.defs", "/etc/default/useradd", "/etc/adduser.conf", "/etc/skel");
        var arguments = ParsedArguments.Parse(command.Arguments, UserOptionsWithValue);
        if (arguments.Value("-d", "--home", "--home-dir", "-h") is { } home)
        {
            command.WritesPath(home);
        }
        else if (command.Name is "adduser" or "useradd" && !arguments.Has("-M", "--no-create-home", "-H", "--system", "-r", "-S")
            && arguments.Positionals.Count > 0 && arguments.Positionals[^1].IsResolved)
        {
            var creates = command.Name == "adduser" || arguments.Has("-m", "--create-home");
            if (creates)
            {
                command.Effect.Write("/home/" + arguments.Positionals[^1].Value);
            }
        }
    }

    private static readonly FrozenSet<string> UserOptionsWithValue = FrozenSet.ToFrozenSet(
        ["-d", "--home", "--home-dir", "-h", "-u", "--uid", "-g", "--gid", "-G", "--groups", "--ingroup", "-s", "--shell", "-c", "--comment", "--gecos", "-k", "--skel", "-K", "-e", "-f", "-p", "--password", "-l"],
        StringComparer.Ordinal);

    /// <summary><c>git clone URL /abs</c> and <c>git config --global</c> read nothing from the context; other git commands read the repository in the working directory.</summary>
    private static void Git(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, GitOptionsWithValue);
        var positionals = arguments.Positionals;
        if (positionals.Count == 0)
        {
            command.NotKnown();
            return;
        }

        switch (positionals[0].Value)
        {
            case "config" when arguments.Has("--global", "--system"):
                command.ReadsNothing(null);
                return;
            case "clone" when positionals.Count >= 2:
                var target = positionals.Count >= 3 ? positionals[2] : new ShellWord(RepositoryName(positionals[1].Value));
                command.ReadsNothing(null);
                command.WritesPath(target);
                return;
            case "--version" or "version":
                return;
            default:
                command.NeedsSource("reads the git repository in the working directory");
                return;
        }
    }

    private static string RepositoryName(string url)
    {
        var name = WorkingPath.FileName(url.TrimEnd('/'));
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }

    private static readonly FrozenSet<string> GitOptionsWithValue = FrozenSet.ToFrozenSet(
        ["-b", "--branch", "--depth", "-c", "--origin", "-o", "--config", "-C", "--filter", "--reference"], StringComparer.Ordinal);
}
