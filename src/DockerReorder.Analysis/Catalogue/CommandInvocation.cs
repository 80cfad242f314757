using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>One simple command being classified: its name and arguments, where it runs, and where its verdict goes.</summary>
internal sealed class CommandInvocation
{
    private const int MaxDisplayLength = 60;

    internal CommandInvocation(string name, string executable, IReadOnlyList<ShellWord> arguments, ScriptState state, ScriptClassifier classifier, string? stdinHeredoc, bool stdinFromPipe)
    {
        Name = name;
        Executable = executable;
        Arguments = arguments;
        State = state;
        Classifier = classifier;
        StdinHeredoc = stdinHeredoc;
        StdinFromPipe = stdinFromPipe;
        var text = string.Join(' ', arguments.Select(word => word.Value).Prepend(executable));
        Display = "`" + (text.Length > MaxDisplayLength ? text[..(MaxDisplayLength - 1)] + "…" : text) + "`";
    }

    /// <summary>The command name, without directory and version suffix (<c>pip</c> for <c>/opt/venv/bin/pip3.12</c>).</summary>
    internal string Name { get; }

    /// <summary>The command word as written (after expansion).</summary>
    internal string Executable { get; }

    /// <summary>The words after the command name.</summary>
    internal IReadOnlyList<ShellWord> Arguments { get; }

    /// <summary>The command as quoted in messages, for example <c>`npm ci`</c>.</summary>
    internal string Display { get; }

    /// <summary>The directory and variables at this command.</summary>
    internal ScriptState State { get; }

    /// <summary>The classifier of the whole step.</summary>
    internal ScriptClassifier Classifier { get; }

    /// <summary>The verdict being accumulated.</summary>
    internal EffectAccumulator Effect => Classifier.Effect;

    /// <summary>The step's working directory (absolute).</summary>
    internal string WorkingDirectory => Classifier.WorkingDirectory;

    /// <summary>The body of a heredoc given as standard input, or null.</summary>
    internal string? StdinHeredoc { get; }

    /// <summary>True when standard input comes from the previous command of a pipeline.</summary>
    internal bool StdinFromPipe { get; }

    /// <summary>A variable's value, or null when it is not known.</summary>
    internal string? Variable(string name) => State.Variables.TryGet(name, out var value) ? value : null;

    /// <summary>
    /// Records as written the cache folder the first of <paramref name="names"/> set in the environment names (<c>PIP_CACHE_DIR</c>,
    /// <c>npm_config_cache</c>, ...), as the command-line option naming it is: in the project it may meet the broad copy's files.
    /// </summary>
    internal void WritesCacheFromEnvironment(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Variable(name) is { Length: > 0 } value)
            {
                Effect.Write(Resolve(value) ?? value);
                return;
            }
        }
    }

    /// <summary>
    /// A path in the user's home: absolute when <c>HOME</c> is known, otherwise written <c>~/...</c>
    /// (outside the working directory unless the user's home is the working directory).
    /// </summary>
    internal string HomePath(string relative) =>
        Variable("HOME") is { Length: > 0 } home && home.StartsWith('/') ? WorkingPath.Normalize(home + "/" + relative) : "~/" + relative;

    /// <summary>Resolves <paramref name="path"/> against the current directory; null when the directory is not known.</summary>
    internal string? Resolve(string path) =>
        path.StartsWith('/') ? WorkingPath.Normalize(path)
        : State.Directory is { } directory ? WorkingPath.Combine(directory, path)
        : null;

    /// <summary>True when a resolved path is the working directory or inside it, where the broad copy puts the source.</summary>
    internal bool TouchesWorkingDirectory(string resolved) =>
        !resolved.StartsWith('/') || WorkingDirectory != "/" && WorkingPath.IsWithin(resolved, WorkingDirectory);

    /// <summary>Looks a resolved path up in the build context, as the broad copy would provide it.</summary>
    internal ManifestLookup Lookup(string resolved) => Classifier.Lookup(resolved);

    /// <summary>Resolves a path argument; reports an unknown verdict and returns false when it cannot.</summary>
    internal bool TryResolve(ShellWord word, out string resolved)
    {
        resolved = string.Empty;
        if (!word.IsResolved && Classifier.WorkingDirectoryVariable is { } workdirVariable && State.Directory == "."
            && (word.Value == "$" + workdirVariable || word.Value == "${" + workdirVariable + "}"))
        {
            // `--target "${LAMBDA_TASK_ROOT}"` under `WORKDIR ${LAMBDA_TASK_ROOT}`, before any `cd`: the working directory.
            resolved = ".";
            return true;
        }

        if (!word.IsResolved)
        {
            Effect.Unknown($"{Display} uses `{word.Value}`, a value the catalogue cannot resolve");
            return false;
        }

        if (Resolve(word.Value) is not { } path)
        {
            Effect.Unknown($"{Display} runs in a directory the catalogue cannot resolve");
            return false;
        }

        resolved = path;
        return true;
    }

    /// <summary>
    /// Records a write of the path <paramref name="word"/> names; in the working directory it needs the source.
    /// <paramref name="deletes"/>: the write removes the path (<c>rm</c>), which the reason says.
    /// </summary>
    internal void WritesPath(ShellWord word, bool deletes = false)
    {
        if (!TryResolve(word, out var path))
        {
            return;
        }

        if (TouchesWorkingDirectory(path))
        {
            // `npm ci && rm -f .npmrc`: the copy sunk below would put the deleted file back into the image.
            Effect.NeedsSource(deletes
                ? $"{Display} deletes `{path}` in the working directory, where the broad copy puts the source (moved below, the copy would put it back)"
                : $"{Display} writes `{path}` in the working directory, where the broad copy puts the source");
        }

        Effect.Write(path);
    }

    /// <summary>
    /// Records the requirements file an export writes from the lock (<paramref name="output"/>, else the file its standard output
    /// is redirected to): a write, which the broad copy moved below must not overwrite, and what a later <c>pip install -r</c> of it
    /// in this step reads instead of the context. <paramref name="needsSource"/>: why installing it needs the source (the project or a
    /// path dependency it lists), or null when it lists index packages only.
    /// </summary>
    internal void ExportsRequirements(ShellWord? output, string? needsSource)
    {
        if ((output ?? Classifier.TakeExportStdout()) is not { } target || target.IsResolved && HarmlessOutputs.Contains(target.Value))
        {
            return;
        }

        if (!TryResolve(target, out var path))
        {
            return;
        }

        Effect.Write(path);
        Classifier.AddExportedRequirements(path, needsSource);
    }

    private static readonly string[] HarmlessOutputs = ["-", "/dev/stdout", "/dev/null"];

    /// <summary>Records a read of an image file; one in the working directory needs the source.</summary>
    internal void ReadsPath(ShellWord word)
    {
        if (!TryResolve(word, out var path))
        {
            return;
        }

        if (TouchesWorkingDirectory(path))
        {
            Effect.NeedsSource($"{Display} reads `{path}` from the working directory");
        }
        else if (!Classifier.IsMounted(path))
        {
            // Outside the working directory the read comes from the image, unless a broad copy put the file there (`COPY . /app` at `/`).
            Effect.ImageRead(path);
        }
    }

    /// <summary>
    /// Records a test of whether the path <paramref name="word"/> names exists (<c>[ -f package-lock.json ]</c>); a manifest
    /// in the working directory is an optional manifest read (see <see cref="EffectAccumulator.TestsManifest"/>), any other path a read.
    /// </summary>
    internal void TestsExistence(ShellWord word)
    {
        if (word.IsResolved && Resolve(word.Value) is { } path && !path.StartsWith('/') && !path.StartsWith("..", StringComparison.Ordinal)
            && path.IndexOfAny(['*', '?', '[']) < 0 && ManifestNames.IsManifest(path))
        {
            Effect.TestsManifest(path, $"{Display} reads `{path}` from the working directory");
            return;
        }

        ReadsPath(word);
    }

    /// <summary>Records that the command reads these absolute system paths (a configuration file, a folder of certificates).</summary>
    internal void ReadsImagePaths(params ReadOnlySpan<string> paths)
    {
        foreach (var path in paths)
        {
            Effect.ImageRead(path);
        }
    }

    /// <summary>Records that the command reads nothing from the context and writes <paramref name="writes"/> (absolute system paths).</summary>
    internal void ReadsNothing(string? ecosystem, params ReadOnlySpan<string> writes)
    {
        if (ecosystem is not null)
        {
            Effect.Ecosystem(ecosystem);
        }

        foreach (var write in writes)
        {
            Effect.Write(write);
        }
    }

    /// <summary>Records that the command needs the source, saying why after the command.</summary>
    internal void NeedsSource(string why) => Effect.NeedsSource($"{Display} {why}");

    /// <summary>A bare call: prints a version or a listing when given one of <paramref name="harmless"/> options; otherwise not known.</summary>
    internal void VersionOrNotKnown(ParsedArguments arguments, params string[] harmless)
    {
        if (!arguments.Has(harmless))
        {
            NotKnown();
        }
    }

    /// <summary>Records a package manager's subcommand that needs the source (a build, a project script).</summary>
    internal void NeedsSourceIn(string ecosystem, string why)
    {
        Effect.Ecosystem(ecosystem);
        NeedsSource(why);
    }

    /// <summary>Records that the catalogue does not know this use of the command.</summary>
    internal void NotKnown() => Effect.Unknown($"{Display} is not a command the catalogue knows");

    /// <summary>Records a manifest read, resolving <paramref name="path"/> against the current directory.</summary>
    internal string? ReadsManifest(string path, bool required, bool isPattern = false, bool isDirectory = false)
    {
        if (Resolve(path) is not { } resolved)
        {
            Effect.Unknown($"{Display} runs in a directory the catalogue cannot resolve");
            return null;
        }

        Effect.Read(resolved, required, isPattern, isDirectory);
        return resolved;
    }

    /// <summary>Records an install and looks up a manifest it reads, marking the verdict unverified when the lookup knows nothing.</summary>
    internal ManifestLookup ReadsAndLooksUp(string path, bool required)
    {
        if (ReadsManifest(path, required) is not { } resolved)
        {
            return ManifestLookup.Unknown;
        }

        var lookup = Lookup(resolved);
        if (lookup.State == ManifestState.Unknown || lookup is { State: ManifestState.Present, Content: null })
        {
            CannotRead(resolved, path);
        }

        return lookup;
    }

    /// <summary>Marks the verdict unverified because the content of <paramref name="resolved"/> (written <paramref name="shown"/>) cannot be read, saying when a bind mount provides it.</summary>
    internal void CannotRead(string resolved, string shown) =>
        Effect.MarkUnverified(Classifier.IsMounted(resolved)
            ? $"{Display} reads `{shown}` through a bind mount, whose content the analysis does not follow"
            : $"{Display} reads `{shown}`, which the analysis cannot read");
}
