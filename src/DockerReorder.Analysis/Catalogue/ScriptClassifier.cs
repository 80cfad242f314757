using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// Walks the commands of one <c>RUN</c> step, following the current directory and variables, and sends each
/// simple command to the catalogue's table. Shells (<c>sh -c</c>, <c>bash &lt;&lt;EOF</c>) are read recursively.
/// </summary>
internal sealed class ScriptClassifier
{
    private const int MaxShellDepth = 8;

    private static readonly FrozenSet<string> Shells = FrozenSet.ToFrozenSet(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox-sh"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> ShellOptionsWithValue = FrozenSet.ToFrozenSet(["-o", "+o", "-O", "+O"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> NoOptionValues = FrozenSet.ToFrozenSet(Array.Empty<string>(), StringComparer.Ordinal);
    private static readonly FrozenSet<string> HarmlessDevices = FrozenSet.ToFrozenSet(["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/zero", "/dev/urandom", "/dev/random", "/proc/self/fd/1", "/proc/self/fd/2"], StringComparer.Ordinal);

    private readonly Func<string, ManifestLookup> readFile;
    private readonly Dictionary<string, ManifestLookup> lookups = new(StringComparer.Ordinal);
    private readonly List<string> mountedPaths = [];
    private int shellDepth;

    // Requirements files an earlier command of this step exported from a lock, with why installing them needs the source (null: index packages only).
    private readonly Dictionary<string, string?> exportedRequirements = new(StringComparer.Ordinal);

    // The file the standard output of the export being dispatched goes to (`uv export > requirements.txt`), until the export claims it.
    private ShellWord? exportStdout;

    /// <summary>Lists a directory's file names where the step would see them, or null when unknown.</summary>
    internal Func<string, IReadOnlyList<string>?>? ListDirectory { get; init; }

    /// <summary>Lists a directory's folder names where the step would see them, or null when unknown.</summary>
    internal Func<string, IReadOnlyList<string>?>? ListFolders { get; init; }

    /// <summary>The variable the unknown working directory was set from, naming it until a <c>cd</c> (see <see cref="RunStep.WorkingDirectoryVariable"/>).</summary>
    internal string? WorkingDirectoryVariable { get; init; }

    internal ScriptClassifier(string workingDirectory, Func<string, ManifestLookup> readFile)
    {
        WorkingDirectory = WorkingPath.Normalize(string.IsNullOrEmpty(workingDirectory) ? "/" : workingDirectory.StartsWith('/') ? workingDirectory : "/" + workingDirectory);
        this.readFile = readFile;
    }

    /// <summary>The verdict being accumulated.</summary>
    internal EffectAccumulator Effect { get; } = new();

    /// <summary>The step's working directory, absolute and normalized.</summary>
    internal string WorkingDirectory { get; }

    /// <summary>Declares a path (resolved) that a bind mount provides: reads under it do not come from the image.</summary>
    internal void AddMountedPath(string path) => mountedPaths.Add(path);

    /// <summary>True when a resolved path is provided by a bind mount.</summary>
    internal bool IsMounted(string path) => mountedPaths.Exists(mounted => WorkingPath.IsWithin(path, mounted));

    /// <summary>Looks a path up once per step; paths provided by a bind mount are unknown to the image.</summary>
    internal ManifestLookup Lookup(string path)
    {
        if (IsMounted(path))
        {
            return ManifestLookup.Unknown;
        }

        if (!lookups.TryGetValue(path, out var lookup))
        {
            lookup = readFile(path) ?? ManifestLookup.Unknown;
            lookups[path] = lookup;
        }

        return lookup;
    }

    /// <summary>Records that a command of this step wrote the requirements file <paramref name="path"/> (resolved) from a lock.</summary>
    internal void AddExportedRequirements(string path, string? needsSource) => exportedRequirements[path] = needsSource;

    /// <summary>True when an earlier command of this step exported the requirements file <paramref name="path"/>; <paramref name="needsSource"/> says why installing it needs the source.</summary>
    internal bool IsExportedRequirements(string path, out string? needsSource) => exportedRequirements.TryGetValue(path, out needsSource);

    /// <summary>The file the current export's standard output is redirected to, taken once; null when there is none.</summary>
    internal ShellWord? TakeExportStdout()
    {
        var target = exportStdout;
        exportStdout = null;
        return target;
    }

    /// <summary>Classifies every command of <paramref name="list"/>.</summary>
    internal void ClassifyList(ShellList list, ScriptState state)
    {
        var fromPipe = false;
        for (int i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            Classify(item.Command, state, fromPipe);
            fromPipe = item.Operator == ShellOperator.Pipe;
            if (fromPipe && i + 1 < list.Items.Count &&
                item.Command is SimpleCommand download && list.Items[i + 1].Command is SimpleCommand interpreter &&
                KnownInstallers.TryClassify(download, interpreter, Effect))
            {
                // The installer piped into the interpreter is classified as a whole; skip the interpreter.
                fromPipe = list.Items[i + 1].Operator == ShellOperator.Pipe;
                i++;
            }
        }
    }

    /// <summary>Classifies a command given as words, without shell parsing (exec form).</summary>
    internal void ClassifyWords(IReadOnlyList<ShellWord> words, ScriptState state)
    {
        if (words.Count > 0)
        {
            Dispatch(words, state, null, false);
        }
    }

    /// <summary>Parses and classifies a script run by a shell started from this step.</summary>
    internal void ClassifyScript(string script, ScriptState state, string display)
    {
        if (shellDepth >= MaxShellDepth)
        {
            Effect.Unknown($"{display} nests shells too deeply for the catalogue");
            return;
        }

        shellDepth++;
        try
        {
            ClassifyList(ShellParser.Parse(script, state.Variables), state);
        }
        finally
        {
            shellDepth--;
        }
    }

    private void Classify(ShellCommand command, ScriptState state, bool stdinFromPipe)
    {
        switch (command)
        {
            case OpaqueCommand opaque:
                Effect.Unknown(opaque.Text.Length > 0 && !opaque.Reason.Contains('`', StringComparison.Ordinal)
                    ? $"`{opaque.Text}`: {opaque.Reason}"
                    : opaque.Reason);
                break;
            case CompoundCommand compound:
                ClassifyCompound(compound, state);
                break;
            case SimpleCommand simple:
                ClassifySimple(simple, state, stdinFromPipe);
                break;
        }
    }

    private void ClassifyCompound(CompoundCommand compound, ScriptState state)
    {
        var scope = compound.Keyword == "{" ? state : state.Clone();
        foreach (var part in compound.Parts)
        {
            ClassifyList(part, scope);
        }

        if (compound.Keyword is "if" or "while" or "until" or "for")
        {
            state.Variables.ForgetAssignedIn(scope.Variables);
            if (scope.Directory != state.Directory)
            {
                state.Directory = null;
            }
        }

        ClassifyRedirections(compound.Redirections, state, $"`{compound.Keyword} …`");
    }

    private void ClassifySimple(SimpleCommand command, ScriptState state, bool stdinFromPipe)
    {
        foreach (var substitution in command.Substitutions)
        {
            ClassifyList(substitution, state.Clone());
        }

        var display = "`" + (command.Words.Count > 0 ? command.Text : "<<") + "`";
        var redirections = command.Redirections;
        ShellRedirection? stdout = null;
        if (IsRequirementsExport(command.Words) && redirections.FirstOrDefault(r => r.Operator is ">" or ">|" && r.FileDescriptor is null or 1) is { } toFile)
        {
            // `poetry export > requirements.txt`: the export says what the file holds; unclaimed, it is an ordinary write below.
            stdout = toFile;
            exportStdout = toFile.Target;
            redirections = redirections.Where(r => !ReferenceEquals(r, toFile)).ToList();
        }

        ClassifyRedirections(redirections, state, display);
        string? heredoc = null;
        foreach (var redirection in command.Redirections)
        {
            if (redirection.IsHeredoc && redirection.FileDescriptor is null or 0)
            {
                heredoc = redirection.HeredocBody ?? string.Empty;
            }
            else if (redirection.Operator == "<<<")
            {
                heredoc = redirection.Target.Value;
            }
        }

        if (command.Words.Count == 0)
        {
            if (heredoc is not null)
            {
                // BuildKit runs a heredoc that starts with a shebang with that interpreter, not with the shell.
                var lineEnd = heredoc.IndexOf('\n', StringComparison.Ordinal);
                var shebang = heredoc.StartsWith("#!", StringComparison.Ordinal) ? heredoc[2..(lineEnd < 0 ? heredoc.Length : lineEnd)].Trim() : null;
                var interpreter = shebang?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, .. var rest]
                    ? CommandName(first == "/usr/bin/env" && rest.Length > 0 ? rest[0] : first)
                    : null;
                if (interpreter is not null && !Shells.Contains(interpreter))
                {
                    Effect.Unknown($"the heredoc script runs with `#!{shebang}`, which the catalogue does not read");
                }
                else
                {
                    ClassifyScript(heredoc, state.Clone(), "the heredoc script");
                }
            }

            state.Variables.Apply(command);
            return;
        }

        // A NAME=value prefix holds for that command alone (`COMPOSER=composer.prod.json composer install`).
        var commandState = state;
        if (command.Assignments.Count > 0)
        {
            commandState = state.Clone();
            foreach (var assignment in command.Assignments)
            {
                commandState.Variables.Set(assignment.Name, assignment.Value.IsResolved ? assignment.Value.Value : null);
            }
        }

        Dispatch(command.Words, commandState, heredoc, stdinFromPipe);
        if (stdout is not null && TakeExportStdout() is not null)
        {
            ClassifyRedirections([stdout], state, display);
        }

        if (commandState != state)
        {
            state.Directory = commandState.Directory;
        }

        state.Variables.Apply(command);
    }

    // `poetry export`, `uv export`, `pdm export`: they print a requirements file made from the lock.
    private static bool IsRequirementsExport(IReadOnlyList<ShellWord> words) =>
        words.Count > 1 && CommandName(words[0].Value) is "poetry" or "uv" or "pdm" && words.Skip(1).Any(word => word.Value == "export");

    private void ClassifyRedirections(IReadOnlyList<ShellRedirection> redirections, ScriptState state, string display)
    {
        foreach (var redirection in redirections)
        {
            var target = redirection.Target;
            if (redirection.Operator is ">&" or "<&")
            {
                if (target.Value == "-" || target.Value.All(char.IsAsciiDigit))
                {
                    continue;
                }
            }
            else if (!redirection.WritesFile && !redirection.ReadsFile)
            {
                continue;
            }

            if (target.IsResolved && HarmlessDevices.Contains(target.Value))
            {
                continue;
            }

            var invocation = new CommandInvocation("redirection", display.Trim('`'), [], state, this, null, false);
            if (redirection.ReadsFile)
            {
                invocation.ReadsPath(target);
            }

            if (redirection.WritesFile || redirection.Operator is ">&")
            {
                invocation.WritesPath(target);
            }
        }
    }

    private void Dispatch(IReadOnlyList<ShellWord> words, ScriptState state, string? heredoc, bool stdinFromPipe)
    {
        var first = words[0];
        if (!first.IsResolved)
        {
            Effect.Unknown($"`{first.Value}` is a command the catalogue cannot resolve");
            return;
        }

        var name = CommandName(first.Value);
        var arguments = words.Skip(1).ToArray();
        var invocation = new CommandInvocation(name, first.Value, arguments, state, this, heredoc, stdinFromPipe);
        switch (name)
        {
            case "sudo" or "nohup" or "exec" or "time" or "builtin" or "stdbuf" or "nice" or "ionice" or "chronic" or "gosu" or "su-exec":
                var rest = SkipWrapperOptions(name, arguments);
                if (rest.Count > 0)
                {
                    Dispatch(rest, state, heredoc, stdinFromPipe);
                }

                return;
            case "env":
                ClassifyEnv(arguments, state, heredoc, stdinFromPipe);
                return;
            case "command":
                if (arguments.Length > 0 && arguments[0].Value is "-v" or "-V")
                {
                    return;
                }

                if (arguments.Length > 0)
                {
                    Dispatch(arguments[0].Value == "-p" ? arguments[1..] : arguments, state, heredoc, stdinFromPipe);
                }

                return;
            case "cd":
                ChangeDirectory(invocation);
                return;
            case "." or "source":
                Source(invocation);
                return;
        }

        if (Shells.Contains(name))
        {
            RunShell(invocation);
            return;
        }

        if (CommandTable.Handlers.TryGetValue(name, out var handler))
        {
            int installsBefore = invocation.Effect.InstallCount;
            handler(invocation);
            foreach (var variable in SystemConfigPaths.VariablesOf(name, installing: invocation.Effect.InstallCount > installsBefore))
            {
                // ENV PIP_CONFIG_FILE=/app/pip.conf: the configuration comes from wherever the variable points, maybe the source.
                if (invocation.Variable(variable) is { Length: > 0 } file)
                {
                    invocation.ReadsPath(new ShellWord(file));
                }
            }

            return;
        }

        invocation.NotKnown();
    }

    private void ClassifyEnv(ShellWord[] arguments, ScriptState state, string? heredoc, bool stdinFromPipe)
    {
        var scope = state.Clone();
        var i = 0;
        for (; i < arguments.Length; i++)
        {
            var text = arguments[i].Value;
            if (text is "-i" or "--ignore-environment" or "-0")
            {
                continue;
            }

            if (text is "-u" or "--unset" && i + 1 < arguments.Length)
            {
                scope.Variables.Set(arguments[++i].Value, null);
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && ShellVariables.IsName(text.AsSpan(0, equals)))
            {
                scope.Variables.Set(text[..equals], arguments[i].IsResolved ? text[(equals + 1)..] : null);
                continue;
            }

            break;
        }

        if (i < arguments.Length)
        {
            scope.Directory = state.Directory;
            Dispatch(arguments[i..], scope, heredoc, stdinFromPipe);
        }
    }

    private static IReadOnlyList<ShellWord> SkipWrapperOptions(string name, ShellWord[] arguments)
    {
        var i = 0;
        if (name is "gosu" or "su-exec")
        {
            return arguments.Length > 1 ? arguments[1..] : [];
        }

        while (i < arguments.Length && arguments[i].Value.StartsWith('-'))
        {
            var option = arguments[i].Value;
            i++;
            if (name == "sudo" && option is "-u" or "-g" or "-C" or "-D" or "-h" or "-p" or "-r" or "-t" or "-U"
                || name is "nice" or "ionice" && option is "-n" or "-c"
                || name == "stdbuf" && option.Length == 2)
            {
                i++;
            }
        }

        return i < arguments.Length ? arguments[i..] : [];
    }

    private void ChangeDirectory(CommandInvocation invocation)
    {
        var target = invocation.Arguments.FirstOrDefault(word => !word.Value.StartsWith('-') || word.Value == "-");
        if (target.Value is null || target.Value == "-" || !target.IsResolved || invocation.Resolve(target.Value) is not { } path)
        {
            invocation.State.Directory = null;
            return;
        }

        if (path.StartsWith('/') && WorkingDirectory != "/" && WorkingPath.IsWithin(path, WorkingDirectory))
        {
            path = path == WorkingDirectory ? "." : path[(WorkingDirectory.Length + 1)..];
        }

        invocation.State.Directory = path;
    }

    private void Source(CommandInvocation invocation)
    {
        if (invocation.Arguments.Count == 0 || !invocation.TryResolve(invocation.Arguments[0], out var path))
        {
            if (invocation.Arguments.Count == 0)
            {
                invocation.NotKnown();
            }

            return;
        }

        if (path.EndsWith("/bin/activate", StringComparison.Ordinal) && path.StartsWith('/') && !invocation.TouchesWorkingDirectory(path))
        {
            invocation.State.Variables.Set("VIRTUAL_ENV", path[..^"/bin/activate".Length]);
            return;
        }

        if (path is "/etc/os-release" or "/usr/lib/os-release" or "/etc/lsb-release")
        {
            foreach (var name in (string[])["ID", "VERSION_ID", "VERSION_CODENAME", "UBUNTU_CODENAME", "NAME", "PRETTY_NAME", "DISTRIB_CODENAME", "DISTRIB_ID", "DISTRIB_RELEASE"])
            {
                invocation.State.Variables.Set(name, null);
            }

            return;
        }

        if (invocation.TouchesWorkingDirectory(path))
        {
            invocation.NeedsSource($"runs `{path}` from the working directory");
        }
        else
        {
            invocation.Effect.Unknown($"{invocation.Display} runs `{path}`, a script the catalogue cannot see");
        }
    }

    private void RunShell(CommandInvocation invocation)
    {
        var arguments = ParsedArguments.Parse(invocation.Arguments, ShellOptionsWithValue);
        var script = arguments.Positionals.Count > 0 ? arguments.Positionals[0] : (ShellWord?)null;
        if (arguments.Has("-c"))
        {
            if (script is not { } text)
            {
                invocation.NotKnown();
                return;
            }

            // Unresolved expansions stay as written, so reading the value again sees them as the inner shell would.
            var scope = invocation.State.Clone();
            ClassifyScript(text.Value, scope, invocation.Display);
            return;
        }

        if (script is { } file)
        {
            if (invocation.TryResolve(file, out var path))
            {
                if (invocation.TouchesWorkingDirectory(path))
                {
                    invocation.NeedsSource($"runs `{path}` from the working directory");
                }
                else
                {
                    invocation.Effect.Unknown($"{invocation.Display} runs `{path}`, a script the catalogue cannot see");
                }
            }

            return;
        }

        if (invocation.StdinHeredoc is { } body)
        {
            ClassifyScript(body, invocation.State.Clone(), invocation.Display);
            return;
        }

        invocation.Effect.Unknown(invocation.StdinFromPipe
            ? $"{invocation.Display} runs a script from a pipe, which the catalogue cannot see"
            : $"{invocation.Display} is not a command the catalogue knows");
    }

    /// <summary>The name a command is known by: no directory, no version suffix on <c>python3.12</c>, <c>pip3</c>, <c>pip3.11</c>.</summary>
    internal static string CommandName(string word)
    {
        var name = WorkingPath.FileName(word);
        foreach (var versioned in (string[])["python", "pip", "pydoc"])
        {
            if (name.Length > versioned.Length && name.StartsWith(versioned, StringComparison.Ordinal)
                && name.AsSpan(versioned.Length).IndexOfAnyExcept("0123456789.") < 0)
            {
                return versioned;
            }
        }

        return name;
    }

    /// <summary>An empty option table, for commands whose options never take values.</summary>
    internal static FrozenSet<string> NoValues => NoOptionValues;
}
