using System.CommandLine;
using DockerReorder.Cli.Configuration;
using DockerReorder.Cli.Output;
using DockerReorder.Cli.Processing;
using DockerReorder.Syntax;

namespace DockerReorder.Cli.CommandLine;

/// <summary>Builds the <c>docker-reorder</c> command line: the main command, <c>print</c> and <c>dump</c>.</summary>
public sealed class DockerReorderCommand
{
    /// <summary>The exit code section of <c>--help</c> (also in docs/cli.md).</summary>
    public const string ExitCodeHelp =
        "Exit codes: 0 nothing to report; 1 findings remain or changes are due (after --write: findings that could not be fixed); 2 usage, I/O or parse error.";

    private readonly OutputChannels _channels;
    private readonly string _workingDirectory;
    private readonly Func<Stream> _standardInput;
    private readonly bool _outputIsTerminal;

    /// <summary>A command line writing to <paramref name="channels"/>, resolving paths against <paramref name="workingDirectory"/>.</summary>
    public DockerReorderCommand(OutputChannels channels, string workingDirectory, Func<Stream> standardInput, bool outputIsTerminal)
    {
        _channels = channels;
        _workingDirectory = workingDirectory;
        _standardInput = standardInput;
        _outputIsTerminal = outputIsTerminal;
    }

    /// <summary>Parses <paramref name="args"/>, runs, and returns the exit code. Usage errors print one line each and return 2.</summary>
    public int Run(string[] args)
    {
        // The common lines (switches and paths) skip building System.CommandLine's tree: on one small file that was most of the run.
        if (FlagsAndPathsParser.TryParse(args) is { } common)
        {
            int exit = RunMain(common);
            _channels.Out.Flush();
            return exit;
        }
        var tree = Build();
        var parsed = tree.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) _channels.Error.WriteLine($"docker-reorder: {error.Message}");
            _channels.Error.WriteLine("Run 'docker-reorder --help' for usage.");
            return ExitCodes.Error;
        }
        var configuration = new InvocationConfiguration { Output = _channels.Out, Error = _channels.Error, EnableDefaultExceptionHandler = false };
        int code = parsed.Invoke(configuration);
        _channels.Out.Flush();
        return code;
    }

    /// <summary>What System.CommandLine makes of <paramref name="args"/> for the main command; null when it reports errors or would run something else (help, version, a subcommand). Runs nothing.</summary>
    public MainArguments? ParseWithSystemCommandLine(string[] args)
    {
        var tree = Build();
        var parsed = tree.Root.Parse(args);
        if (parsed.Errors.Count > 0 || !ReferenceEquals(parsed.Action, tree.Root.Action)) return null;
        return tree.Read(parsed);
    }

    /// <summary>The names and aliases of every option and subcommand of the command tree.</summary>
    public IReadOnlyList<string> TreeTokens()
    {
        var root = Build().Root;
        var tokens = new List<string>();
        foreach (var option in root.Options) tokens.AddRange([option.Name, .. option.Aliases]);
        foreach (var command in root.Subcommands) tokens.AddRange([command.Name, .. command.Aliases]);
        return tokens;
    }

    // Checks the combination, makes the settings, runs.
    private int RunMain(MainArguments a)
    {
        if (a.Paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(Path.GetFullPath(p, _workingDirectory))) is { } unknown)
            return UsageError($"unknown option '{unknown}'");
        int modes = (a.Write ? 1 : 0) + (a.Check ? 1 : 0) + (a.Diff ? 1 : 0);
        if (modes > 1) return UsageError("--write, --check and --diff exclude each other");
        if (a.UnsafeFixes && a.NoUnsafeFixes) return UsageError("--unsafe-fixes and --no-unsafe-fixes exclude each other");
        if (a.Quiet && a.Verbose) return UsageError("--quiet and --verbose exclude each other");
        var selected = RuleIds(a.Select, "--select", out var selectError);
        var ignored = RuleIds(a.Ignore, "--ignore", out var ignoreError);
        if ((selectError ?? ignoreError) is { } idError) return UsageError(idError);
        var settings = new ReorderSettings
        {
            Paths = a.Paths,
            Mode = a.Write ? RunMode.Write : a.Check ? RunMode.Check : a.Diff ? RunMode.Diff : RunMode.DryRun,
            UnsafeFixes = a.UnsafeFixes ? true : a.NoUnsafeFixes ? false : null,
            Select = selected,
            Ignore = ignored,
            Context = a.Context,
            StdinFileName = a.StdinFileName,
            Include = a.Include,
            Exclude = a.Exclude,
            Format = a.Format switch { "json" => OutputFormat.Json, "sarif" => OutputFormat.Sarif, "github" => OutputFormat.GitHub, _ => OutputFormat.Text },
            Color = a.Color switch { "always" => ColorMode.Always, "never" => ColorMode.Never, _ => ColorMode.Auto },
            Quiet = a.Quiet,
            Verbose = a.Verbose,
            Explain = a.Explain,
        };
        try
        {
            return new ReorderRun(settings, _channels, _workingDirectory, _standardInput, _outputIsTerminal).Execute();
        }
        catch (Exception e) when (e is not IOException)
        {
            // A file's own failures are its report's errors; this is a bug outside them (discovery, reporting): one line, exit 2,
            // not a stack trace. Input and output failures (IOException) go on to Program.Main, which prints them as one line.
            _channels.Error.WriteLine(InternalError.Describe("docker-reorder", e));
            return ExitCodes.Error;
        }
    }

    // The root command, and how to read the main command's arguments back from a parse.
    private sealed record CommandTree(RootCommand Root, Func<ParseResult, MainArguments> Read);

    private CommandTree Build()
    {
        var paths = new Argument<string[]>("PATHS") { Description = "Dockerfiles, folders or globs (default: the current folder); - reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var write = new Option<bool>("--write", "-w") { Description = "Apply the fixes in place." };
        var check = new Option<bool>("--check") { Description = "Only list the files that would change or have findings." };
        var diff = new Option<bool>("--diff") { Description = "Only print the unified diff of the fixes." };
        var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "Also apply fixes that need a fact that could not be checked." };
        var noUnsafeFixes = new Option<bool>("--no-unsafe-fixes") { Description = "Never apply unsafe fixes (overrides the configuration file)." };
        var select = new Option<string[]>("--select") { Description = "Only these rules (ids, comma-separated or repeated)." };
        var ignore = new Option<string[]>("--ignore") { Description = "Never these rules (ids, comma-separated or repeated)." };
        var context = new Option<string>("--context") { Description = "The build context folder (default: each Dockerfile's folder; for -, the current folder).", HelpName = "DIR" };
        var stdinFileName = new Option<string>("--stdin-filename") { Description = "The path that standard input stands for (for output and configuration).", HelpName = "PATH" };
        var include = new Option<string[]>("--include") { Description = "More file-name globs to treat as Dockerfiles during discovery.", HelpName = "GLOB" };
        var exclude = new Option<string[]>("--exclude") { Description = "Globs of files and folders to skip during discovery.", HelpName = "GLOB" };
        var format = new Option<string>("--format") { Description = "Report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var color = new Option<string>("--color") { Description = "Colour the text output: auto (only on a terminal, never with NO_COLOR), always, never.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print findings and errors only (no summary, no warnings)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the configuration and context of each file and why findings have no fix." };
        var explain = new Option<bool>("--explain") { Description = "For each stage, print which steps a source-only edit reruns, before and after the fix." };

        var root = new RootCommand($"Rewrites Dockerfiles so the layer cache survives source edits. By default prints a unified diff of the fixes and one line per finding without a fix; writes nothing.\n\n{ExitCodeHelp}")
        {
            paths, write, check, diff, unsafeFixes, noUnsafeFixes, select, ignore, context, stdinFileName, include, exclude, format, color, quiet, verbose, explain,
        };
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new PrintVersionAction();
        var tree = new CommandTree(root, r => new MainArguments
        {
            Paths = r.GetValue(paths) ?? [],
            Write = r.GetValue(write),
            Check = r.GetValue(check),
            Diff = r.GetValue(diff),
            UnsafeFixes = r.GetValue(unsafeFixes),
            NoUnsafeFixes = r.GetValue(noUnsafeFixes),
            Select = r.GetValue(select) is { Length: > 0 } selectValues ? selectValues : null,
            Ignore = r.GetValue(ignore) is { Length: > 0 } ignoreValues ? ignoreValues : null,
            Context = r.GetValue(context),
            StdinFileName = r.GetValue(stdinFileName),
            Include = r.GetValue(include) ?? [],
            Exclude = r.GetValue(exclude) ?? [],
            Format = r.GetValue(format) ?? "text",
            Color = r.GetValue(color) ?? "auto",
            Quiet = r.GetValue(quiet),
            Verbose = r.GetValue(verbose),
            Explain = r.GetValue(explain),
        });
        root.SetAction(r => RunMain(tree.Read(r)));

        var printFile = new Argument<string>("FILE") { Description = "The Dockerfile." };
        var print = new Command("print", "Parse FILE and print the tree back: the input, byte for byte.") { printFile };
        print.SetAction(r => PrintTree(r.GetValue(printFile)!, dump: false));
        var dumpFile = new Argument<string>("FILE") { Description = "The Dockerfile." };
        var dump = new Command("dump", "Parse FILE and print BuildKit's s-expression dump of it; syntax errors go to standard error (exit 2).") { dumpFile };
        dump.SetAction(r => PrintTree(r.GetValue(dumpFile)!, dump: true));
        root.Add(print);
        root.Add(dump);
        return tree;
    }

    private int UsageError(string message)
    {
        _channels.Error.WriteLine($"docker-reorder: {message}");
        return ExitCodes.Error;
    }

    private static List<string>? RuleIds(IReadOnlyList<string>? values, string option, out string? error)
    {
        error = null;
        if (values is null || values.Count == 0) return null;
        var ids = RuleIdList.Split(values, out var invalid);
        if (invalid is not null) error = $"{option}: \"{invalid}\" is not a rule id (DR followed by three digits)";
        return ids;
    }

    private int PrintTree(string file, bool dump)
    {
        var full = Path.GetFullPath(file, _workingDirectory);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { _channels.Error.WriteLine($"{file}: no such file or directory"); return ExitCodes.Error; }
        catch (UnauthorizedAccessException) { _channels.Error.WriteLine($"{file}: permission denied"); return ExitCodes.Error; }
        catch (IOException e) { _channels.Error.WriteLine($"{file}: cannot read: {e.Message}"); return ExitCodes.Error; }
        try
        {
            var tree = DockerfileParser.Parse(bytes);
            if (!dump)
            {
                _channels.WriteBytes(tree.ToFullBytes());
                return ExitCodes.Clean;
            }
            var errors = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                foreach (var d in errors) _channels.Error.WriteLine($"{file}:{d.Position.Line}:{d.Position.Column}: {d.Message}");
                return ExitCodes.Error;
            }
            _channels.Out.Write(BuildKitDump.Dump(tree));
            _channels.Out.Flush();
            return ExitCodes.Clean;
        }
        catch (Exception e)
        {
            _channels.Error.WriteLine($"{file}: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return ExitCodes.Error;
        }
    }
}
