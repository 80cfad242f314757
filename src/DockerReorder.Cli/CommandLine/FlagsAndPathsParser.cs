namespace DockerReorder.Cli.CommandLine;

/// <summary>
/// Reads the common command lines (the main command's switches, each at most once, and plain paths)
/// without building System.CommandLine's tree, which costs more than checking one small Dockerfile.
/// Anything else (options with values, help, version, subcommands, <c>-</c>, <c>--</c>, response files,
/// directives, a path System.CommandLine could read as a token or a switch's value) is declined: the
/// caller then parses with System.CommandLine. Tests check that every accepted line parses the same there.
/// </summary>
public static class FlagsAndPathsParser
{
    /// <summary>The switches read here, with their aliases.</summary>
    public static IReadOnlyList<string> Switches { get; } =
        ["--write", "-w", "--check", "--diff", "--unsafe-fixes", "--no-unsafe-fixes", "--quiet", "-q", "--verbose", "-v", "--explain"];

    /// <summary>Every name and alias of the command tree's options and subcommands: a path spelled like one is declined.</summary>
    public static IReadOnlySet<string> ReservedTokens { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "--write", "-w", "--check", "--diff", "--unsafe-fixes", "--no-unsafe-fixes", "--select", "--ignore", "--context",
        "--stdin-filename", "--include", "--exclude", "--format", "--color", "--quiet", "-q", "--verbose", "-v", "--explain",
        "--help", "-h", "/h", "-?", "/?", "--version", "print", "dump",
    };

    /// <summary>The arguments of <paramref name="args"/>, or null when the line is not one of the shapes read here.</summary>
    public static MainArguments? TryParse(IReadOnlyList<string> args)
    {
        bool write = false, check = false, diff = false, unsafeFixes = false, noUnsafeFixes = false, quiet = false, verbose = false, explain = false;
        var paths = new string[args.Count];
        int pathCount = 0;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--write" or "-w": if (!Set(ref write)) return null; break;
                case "--check": if (!Set(ref check)) return null; break;
                case "--diff": if (!Set(ref diff)) return null; break;
                case "--unsafe-fixes": if (!Set(ref unsafeFixes)) return null; break;
                case "--no-unsafe-fixes": if (!Set(ref noUnsafeFixes)) return null; break;
                case "--quiet" or "-q": if (!Set(ref quiet)) return null; break;
                case "--verbose" or "-v": if (!Set(ref verbose)) return null; break;
                case "--explain": if (!Set(ref explain)) return null; break;
                default:
                    if (!IsPlainPath(arg)) return null;
                    paths[pathCount++] = arg;
                    break;
            }
        }
        Array.Resize(ref paths, pathCount);
        return new MainArguments
        {
            Paths = paths,
            Write = write,
            Check = check,
            Diff = diff,
            UnsafeFixes = unsafeFixes,
            NoUnsafeFixes = noUnsafeFixes,
            Quiet = quiet,
            Verbose = verbose,
            Explain = explain,
        };
    }

    // A repeated switch is declined (System.CommandLine decides what that means).
    private static bool Set(ref bool flag)
    {
        if (flag) return false;
        flag = true;
        return true;
    }

    // Not option-like, not a response file or directive, not a token of the tree (also before ':' or '=', where
    // System.CommandLine splits "--opt:value"), and not a word a switch would take as its value (true, false).
    private static bool IsPlainPath(string arg)
    {
        if (arg.Length == 0 || arg[0] is '-' or '@' or '[') return false;
        if (ReservedTokens.Contains(arg)) return false;
        int split = arg.AsSpan().IndexOfAny(':', '=');
        if (split >= 0 && ReservedTokens.Contains(arg[..split])) return false;
        return !bool.TryParse(arg, out _);
    }
}
