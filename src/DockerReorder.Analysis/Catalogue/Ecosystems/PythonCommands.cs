using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Python: pip (<c>pip</c>, <c>pip3</c>, <c>python -m pip</c>, <c>uv pip</c>), venv and virtualenv, poetry, pipenv, uv and pipx.
/// </summary>
internal static class PythonCommands
{
    private static readonly FrozenSet<string> PipOptions = FrozenSet.ToFrozenSet(
    [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--prefix", "--root", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--src",
        "--upgrade-strategy", "--progress-bar", "--cache-dir", "--log", "--timeout", "--retries", "--proxy", "--cert", "--client-cert",
        "--global-option", "--config-settings", "-C", "--no-binary", "--only-binary", "--exists-action", "--report", "--python", "-p",
        "--index", "--default-index", "--keyring-provider", "--python-platform", "--link-mode", "--resolution", "--prerelease",
        "--index-strategy", "--extra", "--group", "--overrides", "--build-constraint", "--exclude-newer", "--root-user-action",
        "-w", "--wheel-dir", "-d", "--dest",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PoetryOptions = FrozenSet.ToFrozenSet(
        ["--only", "--with", "--without", "-E", "--extras", "-C", "--directory", "-P", "--project", "--output", "-o", "-f", "--format"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> UvOptions = FrozenSet.ToFrozenSet(
    [
        "--extra", "--group", "--only-group", "--no-group", "--directory", "--project", "--package", "--python", "-p", "--link-mode",
        "-o", "--output-file", "--index", "--default-index", "--index-url", "--extra-index-url", "--prune", "--format", "--cache-dir",
        "--config-file", "--resolution", "--prerelease", "--exclude-newer", "--python-platform", "-f", "--find-links", "--no-emit-package",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PdmOptions = FrozenSet.ToFrozenSet(
        ["-p", "--project", "-G", "--group", "-L", "--lockfile", "-o", "--output", "-v", "--venv", "-f", "--format"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PipSyncOptions = FrozenSet.ToFrozenSet(
        ["-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--cert", "--client-cert", "--pip-args", "--python-executable", "--config"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> PipenvOptions = FrozenSet.ToFrozenSet(["--python", "--categories", "--extra-pip-args"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> VenvOptions = FrozenSet.ToFrozenSet(["--prompt", "-p", "--python", "--seed"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["pip"] = command => Pip(command, command.Arguments, uv: false);
        table["python"] = Python;
        table["virtualenv"] = command => Venv(command, command.Arguments, "virtualenv");
        table["poetry"] = Poetry;
        table["pipenv"] = Pipenv;
        table["uv"] = Uv;
        table["pipx"] = Pipx;
        table["pdm"] = Pdm;
        table["pip-sync"] = PipSync;
    }

    // A pip option that names a requirements, constraints or package file or folder (`-c constraints.txt`, `--find-links=./wheels`).
    private static bool NamesFiles(string word) =>
        word.Length >= 2 && word[0] == '-' && word[1] is 'r' or 'c' or 'e' or 'f'
        || word.StartsWith("--requirement", StringComparison.Ordinal) || word.StartsWith("--constraint", StringComparison.Ordinal)
        || word.StartsWith("--editable", StringComparison.Ordinal) || word.StartsWith("--find-links", StringComparison.Ordinal);

    // pip-sync (pip-tools) installs exactly what the requirements files list (requirements.txt by default), read with pip's own
    // parser (-r/-c includes, -e .), and uninstalls the rest; pip-tools 7 also takes its options from `.pip-tools.toml` or
    // pyproject.toml's [tool.pip-tools] (https://pip-tools.readthedocs.io/en/latest/#configuration).
    private static void PipSync(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PipSyncOptions);
        command.Effect.Ecosystem("pip");
        if (arguments.Value("--pip-args") is { } pipArguments && pipArguments.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(NamesFiles))
        {
            command.Effect.Unknown($"{command.Display} passes pip options naming files (`--pip-args {pipArguments.Value}`)");
            return;
        }

        var files = arguments.Positionals.Count > 0 ? arguments.Positionals.ToList() : [new ShellWord("requirements.txt")];
        if (files.Find(file => file.Value.IndexOfAny(['*', '?', '[']) >= 0) is { Value.Length: > 0 } pattern)
        {
            command.Effect.Unknown($"{command.Display} names its requirements files with the pattern `{pattern.Value}`");
            return;
        }

        command.Effect.Install(command.Display);
        if (!arguments.Has("--no-config"))
        {
            if (arguments.Value("--config") is { } config)
            {
                command.ReadsManifest(config.Value, required: true);
            }
            else if (command.ReadsManifest(".pip-tools.toml", required: false) is { } toolsToml && command.Lookup(toolsToml).State != ManifestState.Present
                && command.Resolve("pyproject.toml") is { } pyproject && command.Lookup(pyproject) is { State: ManifestState.Present } lookup
                && (lookup.Content is null || lookup.Content.Contains("[tool.pip-tools", StringComparison.Ordinal)))
            {
                command.ReadsManifest("pyproject.toml", required: false);
            }
        }

        foreach (var links in arguments.Values("-f", "--find-links"))
        {
            ReadsLocalLocation(command, links);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var vcsEditables = new List<string>();
        foreach (var file in files)
        {
            if (command.TryResolve(file, out var path))
            {
                RequirementsFile.Follow(command, path, visited, vcsEditables);
            }
        }

        WritesVcsCheckouts(command, arguments, vcsEditables);
        WritesSitePackages(command, arguments, uv: false);
    }

    private static void Python(CommandInvocation command)
    {
        var arguments = command.Arguments;
        var i = 0;
        while (i < arguments.Count && arguments[i].Value is "-u" or "-B" or "-I" or "-E" or "-O" or "-OO" or "-s" or "-S" or "-q" or "-b")
        {
            i++;
        }

        if (i >= arguments.Count)
        {
            command.NotKnown();
            return;
        }

        var first = arguments[i].Value;
        if (first is "--version" or "-V")
        {
            return;
        }

        if (first == "-m" && i + 1 < arguments.Count)
        {
            var rest = arguments.Skip(i + 2).ToArray();
            switch (arguments[i + 1].Value)
            {
                case "pip":
                    Pip(command, rest, uv: false);
                    return;
                case "venv" or "virtualenv":
                    Venv(command, rest, "venv");
                    return;
                case "pipx":
                    Pipx(command, rest);
                    return;
                case "spacy" when rest.Length > 1 && rest[0].Value == "download":
                    // `python -m spacy download en_core_web_sm` pip-installs a model package from spaCy's releases
                    // (https://spacy.io/api/cli#download): nothing comes from the context.
                    command.ReadsNothing("pip");
                    WritesSitePackages(command, ParsedArguments.Parse(rest, PipOptions), uv: false);
                    return;
            }

            command.NotKnown();
            return;
        }

        if (!first.StartsWith('-'))
        {
            if (command.TryResolve(arguments[i], out var script))
            {
                if (command.TouchesWorkingDirectory(script))
                {
                    command.NeedsSource($"runs `{script}` from the working directory");
                }
                else
                {
                    command.Effect.Unknown($"{command.Display} runs `{script}`, a script the catalogue cannot see");
                }
            }

            return;
        }

        command.NotKnown();
    }

    private static void Pip(CommandInvocation command, IReadOnlyList<ShellWord> words, bool uv)
    {
        var arguments = ParsedArguments.Parse(words, PipOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var ecosystem = uv ? "uv" : "pip";
        switch (subcommand)
        {
            case "install":
                PipInstall(command, arguments, ecosystem, uv);
                return;
            case "wheel" or "download" when !uv:
                // pip wheel/download resolve like install (the same -r/-c files, local specs and config) but write the
                // archives to -w/-d, by default the working directory (https://pip.pypa.io/en/stable/cli/pip_wheel/).
                PipInstall(command, arguments, ecosystem, uv, archivesTo: arguments.Value("-w", "--wheel-dir", "-d", "--dest") ?? new ShellWord("."));
                return;
            case "sync" when uv:
                command.Effect.Ecosystem(ecosystem);
                command.Effect.Install(command.Display);
                UvConfigFiles(command, arguments);
                UvFindLinks(command, arguments.Values("-f", "--find-links"));
                var visited = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in arguments.Positionals.Skip(1))
                {
                    if (command.TryResolve(file, out var path) && !UvProjectRequirements(command, path, groupsOnly: false))
                    {
                        RequirementsFile.Follow(command, path, visited);
                    }
                }

                WritesSitePackages(command, arguments, uv);
                return;
            case "uninstall":
                command.ReadsNothing(ecosystem);
                WritesSitePackages(command, arguments, uv);
                return;
            case "freeze" or "list" or "show" or "check" or "--version" or "config" or "debug" or "help":
                command.ReadsNothing(ecosystem);
                return;
            case "cache":
                command.ReadsNothing(ecosystem);
                return;
            case null when arguments.Has("--version", "-V"):
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    private static void PipInstall(CommandInvocation command, ParsedArguments arguments, string ecosystem, bool uv, ShellWord? archivesTo = null)
    {
        command.Effect.Ecosystem(ecosystem);
        if (uv)
        {
            UvConfigFiles(command, arguments);
        }

        var files = arguments.Values("-r", "--requirement", "-c", "--constraint", "--overrides", "--build-constraint").ToList();
        var packages = arguments.Positionals.Skip(1).ToList();
        var fromEnvironment = EnvironmentFiles(command, uv);
        var editables = arguments.Values("-e", "--editable").ToList();
        var groups = DependencyGroupFiles(arguments);
        if (files.Count == 0 && packages.Count == 0 && editables.Count == 0 && groups.Count == 0)
        {
            command.NotKnown();
            return;
        }

        foreach (var spec in packages.Concat(editables))
        {
            if (!spec.IsResolved && (spec.Value.StartsWith('$') || spec.Value.StartsWith('~')))
            {
                command.Effect.Unknown($"{command.Display} installs `{spec.Value}`, a value the catalogue cannot resolve");
                continue;
            }

            if (PythonPackageSpec.IsLocal(spec.Value) || editables.Contains(spec) && !spec.Value.Contains("://", StringComparison.Ordinal))
            {
                var local = PythonPackageSpec.LocalPath(spec.Value);
                var resolved = command.Resolve(local);
                if (resolved is null || command.TouchesWorkingDirectory(resolved))
                {
                    command.NeedsSource($"installs `{spec.Value}` from the working directory");
                }
            }
        }

        foreach (var links in arguments.Values("-f", "--find-links"))
        {
            ReadsLocalLocation(command, links);
        }

        foreach (var file in arguments.Values("--cert", "--client-cert"))
        {
            command.ReadsPath(file);
        }

        foreach (var file in arguments.Values("--log", "--report"))
        {
            command.WritesPath(file);
        }

        // The cache folder is written (and read: a host copy of it in the project would feed the install).
        foreach (var cache in arguments.Values("--cache-dir"))
        {
            if (command.TryResolve(cache, out var cachePath))
            {
                command.Effect.Write(cachePath);
            }
        }

        if (!arguments.Has("--cache-dir", "--no-cache-dir", "--no-cache"))
        {
            command.WritesCacheFromEnvironment(uv ? "UV_CACHE_DIR" : "PIP_CACHE_DIR");
        }

        // uv has no editable VCS installs (it checks a VCS requirement out in its cache); pip clones one into its `src` folder.
        var vcsEditables = uv ? null : editables.Where(editable => PythonPackageSpec.IsVcs(editable.Value)).Select(editable => editable.Value).ToList();
        if (files.Count > 0 || fromEnvironment.Count > 0 || groups.Count > 0)
        {
            command.Effect.Install(command.Display);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var location in files.Concat(fromEnvironment))
            {
                // `-r file:requirements.txt` and `-c file:///app/constraints.txt` are the local files their URLs name.
                if (LocalLocation(location) is not { } file)
                {
                    continue;
                }

                if (command.TryResolve(file, out var path) && !(uv && UvProjectRequirements(command, path, groupsOnly: false)))
                {
                    RequirementsFile.Follow(command, path, visited, vcsEditables);
                }
            }

            foreach (var group in groups)
            {
                if (command.TryResolve(group, out var path))
                {
                    UvProjectRequirements(command, path, groupsOnly: true);
                }
            }
        }

        WritesVcsCheckouts(command, arguments, vcsEditables ?? []);
        if (archivesTo is not null)
        {
            if (command.TryResolve(archivesTo.Value, out var folder))
            {
                command.Effect.Write(folder);
            }

            return;
        }

        WritesSitePackages(command, arguments, uv);
    }

    // `uv pip install --group dev` (and pip 25.1's) reads the dependency group from the working directory's pyproject.toml,
    // `--group path/pyproject.toml:dev` from the one named (https://docs.astral.sh/uv/reference/cli/#uv-pip-install--group).
    private static List<ShellWord> DependencyGroupFiles(ParsedArguments arguments) =>
        arguments.Values("--group").Select(group => group.Value.LastIndexOf(':') is var colon and > 0
            ? new ShellWord(group.Value[..colon], group.IsResolved)
            : new ShellWord("pyproject.toml")).ToList();

    // uv takes a project file as a requirements source (`-r pyproject.toml`, `-r setup.py`, `-r setup.cfg`), and builds the
    // project when its dependencies are not static in pyproject.toml's [project] table: that build reads the rest of the project.
    // Returns false for a requirements file, which the caller follows.
    private static bool UvProjectRequirements(CommandInvocation command, string path, bool groupsOnly)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name is "setup.py" or "setup.cfg")
        {
            command.Effect.Read(path, required: true);
            command.NeedsSource($"builds the project to read the requirements of `{name}`");
            return true;
        }

        if (name != "pyproject.toml")
        {
            return false;
        }

        command.Effect.Read(path, required: true);
        var lookup = command.Lookup(path);
        if (lookup.State == ManifestState.Unknown || lookup.State == ManifestState.Present && lookup.Content is null)
        {
            command.Effect.MarkUnverified();
        }
        else if (lookup.Content is { } text && PyprojectRequirements.NeedsProjectReason(text, groupsOnly) is { } why)
        {
            command.NeedsSource(why);
        }

        return true;
    }

    // uv reads `--config-file`/UV_CONFIG_FILE, else the settings of the first folder, from the project's (the working directory
    // for `uv pip`) up, that holds a `uv.toml` or a `pyproject.toml` with a `[tool.uv]` table, unless `--no-config`
    // (https://docs.astral.sh/uv/concepts/configuration-files/): an index or a constraint set there changes what the install
    // resolves. A member of a uv workspace (or a folder its root excludes) has no `[tool.uv]` of its own, so uv reads the root's.
    // (pip's PIP_CONFIG_FILE: see PipConfigFile, which also reads what the file names.)
    private static void UvConfigFiles(CommandInvocation command, ParsedArguments arguments, string directory = ".")
    {
        if (arguments.Has("--no-config") || command.Variable("UV_NO_CONFIG") is { Length: > 0 } and not ("0" or "false"))
        {
            return;
        }

        if ((arguments.Value("--config-file")?.Value ?? command.Variable("UV_CONFIG_FILE")) is { Length: > 0 } named)
        {
            if (command.Resolve(named) is { } path && command.TouchesWorkingDirectory(path))
            {
                command.ReadsManifest(named, required: true);
            }

            return;
        }

        if (command.ReadsManifest(directory + "/uv.toml", required: false) is { } uvToml && command.Lookup(uvToml).State == ManifestState.Present)
        {
            return;
        }

        if (command.Resolve(directory + "/pyproject.toml") is { } pyproject && command.Lookup(pyproject) is { State: ManifestState.Present } lookup)
        {
            if (lookup.Content is null || lookup.Content.Contains("[tool.uv", StringComparison.Ordinal))
            {
                command.ReadsManifest(directory + "/pyproject.toml", required: false);
                return;
            }
        }

        // The folders above, as far as the build context provides them (a folder outside it is the image's, not the project's).
        if (command.Resolve(directory) is not { } resolved || !command.WorkingDirectory.StartsWith('/')
            || WorkingPath.Combine(command.WorkingDirectory, resolved) is not { } start || start == "/")
        {
            return;
        }

        foreach (var above in WorkingPath.FoldersAbove(start))
        {
            var aboveUvToml = WorkingPath.Combine(above, "uv.toml");
            if (command.Lookup(aboveUvToml).State == ManifestState.Present)
            {
                command.Effect.Read(aboveUvToml, required: false);
                return;
            }

            var abovePyproject = WorkingPath.Combine(above, "pyproject.toml");
            if (command.Lookup(abovePyproject) is { State: ManifestState.Present } aboveLookup
                && (aboveLookup.Content is null || aboveLookup.Content.Contains("[tool.uv", StringComparison.Ordinal)))
            {
                command.Effect.Read(abovePyproject, required: false);
                return;
            }
        }
    }

    // pip reads every option from a PIP_<NAME> variable too (https://pip.pypa.io/en/stable/topics/configuration/#environment-variables),
    // uv its constraints and overrides from UV_CONSTRAINT/UV_OVERRIDE: a constraints file named there is read like `-c`, a local
    // --find-links folder like `-f`.
    private static List<ShellWord> EnvironmentFiles(CommandInvocation command, bool uv)
    {
        var files = new List<ShellWord>();
        foreach (var name in uv ? (string[])["UV_CONSTRAINT", "UV_OVERRIDE"] : ["PIP_CONSTRAINT"])
        {
            if (command.Variable(name) is { Length: > 0 } value)
            {
                files.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(file => new ShellWord(file)));
            }
        }

        if (!uv && command.Variable("PIP_CONFIG_FILE") is { Length: > 0 } config && config != "/dev/null")
        {
            PipConfigFile(command, config);
        }

        if (!uv && command.Variable("PIP_FIND_LINKS") is { Length: > 0 } links)
        {
            foreach (var link in links.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                ReadsLocalLocation(command, new ShellWord(link));
            }
        }

        if (uv)
        {
            UvFindLinks(command, []);
        }

        return files;
    }

    // uv searches the folders of `--find-links` and of UV_FIND_LINKS (a comma-separated list,
    // https://docs.astral.sh/uv/reference/environment/#uv_find_links) for packages: a folder of the project is read like `pip -f`.
    private static void UvFindLinks(CommandInvocation command, IEnumerable<ShellWord> fromArguments)
    {
        var fromEnvironment = command.Variable("UV_FIND_LINKS") is { Length: > 0 } value
            ? value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(link => new ShellWord(link))
            : [];
        foreach (var link in fromArguments.Concat(fromEnvironment))
        {
            ReadsLocalLocation(command, link);
        }
    }

    // A location pip or uv reads (a --find-links folder, a requirements file) as the local path it names: a plain path, or the
    // path of a `file:` URL (`--find-links file:///app/wheels`); null for a remote URL.
    private static ShellWord? LocalLocation(ShellWord location) =>
        PythonPackageSpec.LocalFileOrFolder(location.Value) is { } local
            ? local == location.Value ? location : new ShellWord(local, location.IsResolved)
            : null;

    // A --find-links folder is read by the install: in the working directory it needs the source (the folder is not a manifest).
    private static void ReadsLocalLocation(CommandInvocation command, ShellWord location)
    {
        if (LocalLocation(location) is { } local)
        {
            command.ReadsPath(local);
        }
    }

    // PIP_CONFIG_FILE names a config file pip reads for every command (https://pip.pypa.io/en/stable/topics/configuration/):
    // one in the project is a manifest, copied like .npmrc; one whose options name local files or folders needs the source.
    private static void PipConfigFile(CommandInvocation command, string config)
    {
        // pip skips a missing file silently; one outside the project (/etc/pip.conf) is the image's, not the context's.
        if (command.Resolve(config) is not { } path || !command.TouchesWorkingDirectory(path))
        {
            return;
        }

        var lookup = command.ReadsAndLooksUp(config, required: false);
        if (lookup.Content is not { } text)
        {
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (key is "find-links" or "constraint" or "requirement" or "build-constraint" && value.Length > 0 && PythonPackageSpec.LocalFileOrFolder(value) is not null)
            {
                command.NeedsSource($"reads `{key} = {value}` from the pip config file `{config}`");
                return;
            }
        }
    }

    // pip clones an editable VCS requirement (`-e git+https://...#egg=y`) into `<src>/y` and leaves it there as the installed
    // package (https://pip.pypa.io/en/stable/topics/vcs-support/#editable-vcs-installs): `<src>` is `--src` (or PIP_SRC), else
    // `src` under the virtualenv pip runs in, else `src` in the working directory. The whole `<src>` folder is recorded as
    // written (pip creates it): where the broad copy writes the project's own `src/`, sinking the copy below the install would
    // change which writes win. A VIRTUAL_ENV without the venv's pip named is not proof of which pip runs: both folders count.
    private static void WritesVcsCheckouts(CommandInvocation command, ParsedArguments arguments, IReadOnlyCollection<string> vcsEditables)
    {
        if (vcsEditables.Count == 0)
        {
            return;
        }

        if (arguments.Value("--src") is { } named)
        {
            if (command.TryResolve(named, out var folder))
            {
                command.Effect.Write(folder);
            }

            return;
        }

        if (command.Variable("PIP_SRC") is { Length: > 0 } fromEnvironment)
        {
            command.Effect.Write(command.Resolve(fromEnvironment) ?? fromEnvironment);
            return;
        }

        var executableDirectory = WorkingPath.DirectoryOf(command.Executable);
        if (command.Executable.StartsWith('/') && executableDirectory.EndsWith("/bin", StringComparison.Ordinal)
            && executableDirectory is not ("/usr/bin" or "/usr/local/bin" or "/bin"))
        {
            command.Effect.Write(executableDirectory[..^4] + "/src");
            return;
        }

        if (command.Variable("VIRTUAL_ENV") is { Length: > 0 } venv)
        {
            command.Effect.Write(command.Resolve(venv + "/src") ?? venv + "/src");
        }

        command.Effect.Write(command.Resolve("src") ?? "src");
    }

    /// <summary>Where installed packages go: <c>--target</c>/<c>--prefix</c>, the venv of the pip used or of <c>VIRTUAL_ENV</c>, or the system's site-packages.</summary>
    private static void WritesSitePackages(CommandInvocation command, ParsedArguments arguments, bool uv)
    {
        // --target installs each package's top-level folders (`requests/`, `yaml/`, `*.dist-info/`, `bin/`) into the folder:
        // those names are not known statically, so the folder is recorded as receiving packages rather than as written whole.
        if (arguments.Value("-t", "--target") is { } packagesTarget)
        {
            if (command.TryResolve(packagesTarget, out var path))
            {
                command.Effect.PackageFolder(path);
            }

            return;
        }

        if (arguments.Value("--prefix", "--root") is { } target)
        {
            if (command.TryResolve(target, out var path))
            {
                command.Effect.Write(path);
            }

            return;
        }

        if (arguments.Has("--user"))
        {
            command.Effect.Write(command.HomePath(".local"));
            return;
        }

        var executableDirectory = WorkingPath.DirectoryOf(command.Executable);
        if (command.Executable.StartsWith('/') && executableDirectory.EndsWith("/bin", StringComparison.Ordinal)
            && executableDirectory is not ("/usr/bin" or "/usr/local/bin" or "/bin"))
        {
            command.Effect.Write(executableDirectory[..^4]);
            return;
        }

        if (command.Variable("VIRTUAL_ENV") is { Length: > 0 } venv && !arguments.Has("--system"))
        {
            command.Effect.Write(command.Resolve(venv) ?? venv);
            return;
        }

        if (uv && !arguments.Has("--system") && command.Variable("UV_SYSTEM_PYTHON") is null or "" or "0" or "false")
        {
            command.Effect.Write(command.Resolve(".venv") ?? ".venv");
            return;
        }

        command.Effect.Write("/usr/local/lib");
        command.Effect.Write("/usr/local/bin");
    }

    private static void Venv(CommandInvocation command, IReadOnlyList<ShellWord> words, string ecosystem)
    {
        var arguments = ParsedArguments.Parse(words, VenvOptions);
        if (arguments.Positionals.Count == 0)
        {
            command.NotKnown();
            return;
        }

        command.Effect.Ecosystem(ecosystem);
        foreach (var directory in arguments.Positionals)
        {
            if (command.TryResolve(directory, out var path))
            {
                command.Effect.Write(path);
            }
        }
    }

    private static void Poetry(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PoetryOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("-C", "--directory", "-P", "--project")?.Value ?? ".";
        switch (subcommand)
        {
            case "install" or "sync" when arguments.Has("--only-root"):
                // `--only-root` installs the project and none of its dependencies (https://python-poetry.org/docs/cli/#install):
                // not a dependency install, but a step that reads the source, like `pip install .`.
                command.Effect.Ecosystem("poetry");
                command.ReadsManifest(directory + "/pyproject.toml", required: true);
                command.NeedsSource("installs only the project itself (`--only-root`)");
                PoetryWrites(command, command.ReadsManifest(directory + "/poetry.toml", required: false), directory);
                return;
            case "install" or "sync":
                command.Effect.Ecosystem("poetry");
                command.Effect.Install(command.Display);
                var pyproject = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
                var lockFile = command.ReadsManifest(directory + "/poetry.lock", required: false);
                var config = command.ReadsManifest(directory + "/poetry.toml", required: false);
                if (!arguments.Has("--no-root") && !IsNonPackageProject(pyproject))
                {
                    command.NeedsSource("installs the project itself (no `--no-root`)");
                }

                if (pyproject.Content is { } text && HasPathDependency(text, static table => table.StartsWith("tool.poetry", StringComparison.Ordinal) && table.Contains("dependencies", StringComparison.Ordinal)))
                {
                    command.NeedsSource("installs a path dependency declared in `pyproject.toml`");
                }

                if (lockFile is not null && command.Lookup(lockFile).State != ManifestState.Present)
                {
                    command.Effect.MayRewrite(lockFile);
                }

                PoetryWrites(command, config, directory);
                return;
            case "config":
                if (arguments.Has("--local"))
                {
                    command.WritesPath(new ShellWord(directory + "/poetry.toml"));
                }

                var positionals = arguments.Positionals;
                if (positionals.Count >= 3 && positionals[1].Value.StartsWith("virtualenvs.", StringComparison.Ordinal))
                {
                    var name = "POETRY_" + positionals[1].Value.Replace('.', '_').Replace('-', '_').ToUpperInvariant();
                    command.State.Variables.Set(name, positionals[2].IsResolved ? positionals[2].Value : null);
                }

                command.ReadsNothing("poetry");
                return;
            case "self" or "--version" or "cache" or "about":
                command.ReadsNothing("poetry");
                return;
            case "export":
                // The requirements of the lock, never the project itself; a path dependency becomes `name @ file:///...`
                // (https://github.com/python-poetry/poetry-plugin-export#usage).
                command.Effect.Ecosystem("poetry");
                command.Effect.Install(command.Display);
                var exported = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
                command.ReadsManifest(directory + "/poetry.lock", required: false);
                var poetryOutput = arguments.Value("-o", "--output");
                command.ExportsRequirements(poetryOutput, exported.Content is { } exportedText
                    && HasPathDependency(exportedText, static table => table.StartsWith("tool.poetry", StringComparison.Ordinal) && table.Contains("dependencies", StringComparison.Ordinal))
                    ? $"a path dependency of `pyproject.toml`, which `poetry export` writes into {ExportTarget(poetryOutput)}" : null);
                return;
            case null:
                command.NotKnown();
                return;
            default:
                command.NeedsSource("runs or changes the project");
                return;
        }
    }

    // Poetry 1.8+ with `package-mode = false` manages dependencies only: `poetry install` never installs the project itself
    // (https://python-poetry.org/docs/basic-usage/#operating-modes).
    private static bool IsNonPackageProject(ManifestLookup pyproject)
    {
        if (pyproject.State != ManifestState.Present || pyproject.Content is not { } text) return false;
        foreach (var (table, line) in TomlLines.Read(text))
        {
            if (table == "tool.poetry" && TomlLines.SetsKey(line, "package-mode") && line.Contains("false", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static void PoetryWrites(CommandInvocation command, string? configPath, string directory)
    {
        command.WritesCacheFromEnvironment("POETRY_CACHE_DIR");
        var create = command.Variable("POETRY_VIRTUALENVS_CREATE");
        var inProject = command.Variable("POETRY_VIRTUALENVS_IN_PROJECT");
        if (configPath is not null && command.Lookup(configPath).Content is { } config)
        {
            foreach (var (table, line) in TomlLines.Read(config))
            {
                var key = table.Length > 0 ? table + "." + line : line;
                if (key.StartsWith("virtualenvs.in-project", StringComparison.Ordinal) || key.StartsWith("virtualenvs.in_project", StringComparison.Ordinal))
                {
                    inProject ??= line.Contains("true", StringComparison.Ordinal) ? "true" : "false";
                }
                else if (key.StartsWith("virtualenvs.create", StringComparison.Ordinal))
                {
                    create ??= line.Contains("false", StringComparison.Ordinal) ? "false" : "true";
                }
            }
        }

        if (create is "false" or "0")
        {
            command.Effect.Write("/usr/local/lib");
            command.Effect.Write("/usr/local/bin");
        }
        else if (inProject is "true" or "1")
        {
            command.Effect.Write(command.Resolve(directory + "/.venv") ?? ".venv");
        }
        else
        {
            command.Effect.Write(command.Variable("POETRY_VIRTUALENVS_PATH") ?? (command.Variable("POETRY_CACHE_DIR") is { } cache ? cache + "/virtualenvs" : command.HomePath(".cache/pypoetry/virtualenvs")));
        }
    }

    private static bool HasPathDependency(string content, Func<string, bool> dependencyTable)
    {
        foreach (var (table, line) in TomlLines.Read(content))
        {
            // Poetry's and Pipenv's `{ file = "vendor/x.whl" }` is a local archive too, unless it is a URL.
            var localFile = TomlLines.SetsKey(line, "file") && !line.Contains("://", StringComparison.Ordinal);
            if ((dependencyTable(table) || table.StartsWith("project", StringComparison.Ordinal)) && (TomlLines.SetsKey(line, "path") || localFile || line.Contains("file:", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Pipenv(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PipenvOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "install" or "sync":
                command.Effect.Ecosystem("pipenv");
                if (subcommand == "install" && arguments.Positionals.Count > 1)
                {
                    command.NeedsSource("adds packages to the Pipfile");
                    return;
                }

                command.Effect.Install(command.Display);
                var lockOnly = subcommand == "sync" || arguments.Has("--ignore-pipfile");
                // PIPENV_PIPFILE names the Pipfile; its folder is the project, where the lock file and `.env` are
                // (https://pipenv.pypa.io/en/latest/configuration.html).
                var pipfilePath = command.Variable("PIPENV_PIPFILE") is { Length: > 0 } named ? named : "Pipfile";
                var project = pipfilePath.Contains('/', StringComparison.Ordinal) ? WorkingPath.DirectoryOf(pipfilePath) + "/" : string.Empty;
                var pipfile = command.ReadsAndLooksUp(pipfilePath, required: !lockOnly);
                var lockFile = command.ReadsManifest(project + "Pipfile.lock", required: lockOnly);
                PipenvDotEnv(command, project);
                if (pipfile.Content is { } text && HasPathDependency(text, static table => table.Contains("packages", StringComparison.Ordinal)))
                {
                    command.NeedsSource("installs a path dependency declared in `Pipfile`");
                }

                if (!lockOnly && !arguments.Has("--deploy") && lockFile is not null)
                {
                    command.Effect.MayRewrite(lockFile);
                }

                if (arguments.Has("--system"))
                {
                    command.Effect.Write("/usr/local/lib");
                    command.Effect.Write("/usr/local/bin");
                }
                else
                {
                    command.Effect.Write(command.Variable("PIPENV_VENV_IN_PROJECT") is { Length: > 0 } and not ("0" or "false") ? command.Resolve(".venv") ?? ".venv" : command.HomePath(".local/share/virtualenvs"));
                }

                return;
            case "--version":
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    // Every pipenv command loads the project's `.env` (or PIPENV_DOTENV_LOCATION) into its environment first, unless
    // PIPENV_DONT_LOAD_ENV is set (https://pipenv.pypa.io/en/latest/shell.html#automatic-loading-of-env): its PIP_* and
    // PIPENV_* settings and the `${VAR}` of the Pipfile's sources come from there, so the install reads it like configuration.
    // `project` is the Pipfile's folder with a trailing slash, or empty for the working directory.
    private static void PipenvDotEnv(CommandInvocation command, string project)
    {
        if (command.Variable("PIPENV_DONT_LOAD_ENV") is { Length: > 0 } and not ("0" or "false" or "no" or "off"))
        {
            return;
        }

        command.ReadsManifest(command.Variable("PIPENV_DOTENV_LOCATION") is { Length: > 0 } location ? location : project + ".env", required: false);
    }

    private static void Uv(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, UvOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("--directory", "--project")?.Value ?? ".";
        switch (subcommand)
        {
            case "pip":
                var pipArguments = command.Arguments.SkipWhile(word => word.Value != "pip").Skip(1).ToArray();
                Pip(command, pipArguments, uv: true);
                return;
            case "sync":
                UvSync(command, arguments, directory);
                if (!arguments.Has("--cache-dir", "--no-cache", "-n"))
                {
                    command.WritesCacheFromEnvironment("UV_CACHE_DIR");
                }

                return;
            case "venv":
                command.Effect.Ecosystem("uv");
                if (command.TryResolve(arguments.Positionals.Count > 1 ? arguments.Positionals[1] : new ShellWord(".venv"), out var venv))
                {
                    command.Effect.Write(venv);
                }

                return;
            case "tool" when arguments.Positionals.Count > 2 && arguments.Positionals[1].Value == "install":
                if (PythonPackageSpec.IsLocal(arguments.Positionals[2].Value))
                {
                    command.ReadsPath(arguments.Positionals[2]);
                }

                command.ReadsNothing("uv", "/root/.local");
                return;
            case "python" or "cache" or "self" or "--version" or "version" when subcommand != "version":
                command.ReadsNothing("uv");
                return;
            case "export":
                UvExport(command, arguments, directory);
                return;
            case "run" or "build" or "add" or "remove" or "lock" or "version":
                command.NeedsSource("runs or changes the project");
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    // uv export lists the project itself as `-e .` unless --no-emit-project, and a path source as its path
    // (https://docs.astral.sh/uv/reference/cli/#uv-export); like `uv sync` it locks first unless --frozen or --locked.
    private static void UvExport(CommandInvocation command, ParsedArguments arguments, string directory)
    {
        command.Effect.Ecosystem("uv");
        command.Effect.Install(command.Display);
        var pyproject = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
        var lockFile = command.ReadsManifest(directory + "/uv.lock", required: false);
        var frozen = arguments.Has("--frozen", "--locked") || command.Variable("UV_FROZEN") is { Length: > 0 } and not ("0" or "false")
            || command.Variable("UV_LOCKED") is { Length: > 0 } and not ("0" or "false");
        if (!frozen && lockFile is not null)
        {
            command.Effect.MayRewrite(lockFile);
        }

        var output = arguments.Value("-o", "--output-file");
        string? needsSource = null;
        if (!arguments.Has("--no-emit-project", "--no-emit-workspace"))
        {
            needsSource = $"the project itself, which `uv export` writes into {ExportTarget(output)} as `-e .` (no `--no-emit-project`)";
        }
        else if (pyproject.Content is { } text && TomlLines.Read(text).Any(entry => entry.Table.StartsWith("tool.uv.workspace", StringComparison.Ordinal)
            || entry.Table.StartsWith("tool.uv.sources", StringComparison.Ordinal) && (TomlLines.SetsKey(entry.Line, "path") || TomlLines.SetsKey(entry.Line, "workspace"))))
        {
            needsSource = $"a path source or workspace member of `pyproject.toml`, which `uv export` writes into {ExportTarget(output)}";
        }

        command.ExportsRequirements(output, needsSource);
    }

    // How a message names the file an export writes: its `-o` value, or the file its output is redirected to.
    private static string ExportTarget(ShellWord? output) => output is { } named ? $"`{named.Value}`" : "the file its output goes to";

    // uv builds and installs the project only when pyproject.toml declares a [build-system] (or sets
    // tool.uv.package = true); without one the project is "virtual" and only its dependencies install.
    private static bool IsVirtualProject(ManifestLookup pyproject)
    {
        if (pyproject.State != ManifestState.Present || pyproject.Content is not { } text) return false;
        foreach (var (table, line) in TomlLines.Read(text))
        {
            if (table == "build-system") return false;
            if (table == "tool.uv" && TomlLines.SetsKey(line, "package") && line.Contains("true", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    // `[tool.uv] find-links = ["./wheels"]` and an index whose url is a folder (`[[tool.uv.index]] url = "./vendor/simple"`) make
    // uv read packages from the project (https://docs.astral.sh/uv/reference/settings/#find-links).
    private static string? UvLocalPackageSource(string content)
    {
        var inFindLinks = false;
        foreach (var (table, line) in TomlLines.Read(content))
        {
            var findLinks = table == "tool.uv" && TomlLines.SetsKey(line, "find-links");
            var indexUrl = table == "tool.uv.index" && TomlLines.SetsKey(line, "url");
            if (findLinks || indexUrl || inFindLinks)
            {
                var value = findLinks || indexUrl ? line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..] : line;
                foreach (var item in value.Split(',').Select(part => part.Trim().Trim('[', ']', ' ').Trim('"', '\'')).Where(part => part.Length > 0))
                {
                    if (!item.Contains("://", StringComparison.Ordinal) || item.StartsWith("file://", StringComparison.Ordinal))
                    {
                        return item;
                    }
                }

                inFindLinks = findLinks ? line.Contains('[', StringComparison.Ordinal) && !line.Contains(']', StringComparison.Ordinal) : inFindLinks && !line.Contains(']', StringComparison.Ordinal);
            }
        }

        return null;
    }

    private static void UvSync(CommandInvocation command, ParsedArguments arguments, string directory)
    {
        command.Effect.Ecosystem("uv");
        command.Effect.Install(command.Display);
        UvFindLinks(command, arguments.Values("-f", "--find-links"));
        var pyproject = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
        var lockFile = command.ReadsManifest(directory + "/uv.lock", required: false);
        UvConfigFiles(command, arguments, directory);
        command.ReadsManifest(directory + "/.python-version", required: false);
        if (!arguments.Has("--no-install-project", "--only-dev", "--no-install-workspace") && !IsVirtualProject(pyproject))
        {
            command.NeedsSource("installs the project itself (no `--no-install-project`)");
        }

        // Without its sources uv cannot reuse the locked metadata of a project with `dynamic` fields: it builds the project to
        // read them, also with --no-install-project (https://github.com/astral-sh/uv/issues/15193), and the build reads the source.
        var noSources = arguments.Has("--no-sources") || command.Variable("UV_NO_SOURCES") is { Length: > 0 } and not ("0" or "false");
        if (noSources && pyproject.Content is { } metadata
            && TomlLines.Read(metadata).Any(entry => entry.Table == "project" && TomlLines.SetsKey(entry.Line, "dynamic")))
        {
            command.NeedsSource("builds the project to read the `dynamic` metadata of `pyproject.toml` (`--no-sources`)");
        }

        if (pyproject.Content is { } text)
        {
            if (UvLocalPackageSource(text) is { } local)
            {
                command.NeedsSource($"installs packages from `{local}`, a folder of the project `pyproject.toml` names as a package source");
            }

            foreach (var (table, line) in TomlLines.Read(text))
            {
                if (table.StartsWith("tool.uv.workspace", StringComparison.Ordinal))
                {
                    command.NeedsSource("installs a uv workspace declared in `pyproject.toml`");
                    break;
                }

                if (table.StartsWith("tool.uv.sources", StringComparison.Ordinal) && (TomlLines.SetsKey(line, "path") || TomlLines.SetsKey(line, "workspace")))
                {
                    command.NeedsSource("installs a path source declared in `pyproject.toml`");
                    break;
                }
            }
        }

        if (UvWorkspaceRootAbove(command, directory) is { } root)
        {
            command.Effect.Read(root, required: true);
            command.NeedsSource($"syncs the uv workspace whose root `{root}` declares `[tool.uv.workspace]`: uv reads the root and every member, and uses the root's `uv.lock`");
        }

        var frozen = arguments.Has("--frozen", "--locked") || command.Variable("UV_FROZEN") is { Length: > 0 } and not ("0" or "false")
            || command.Variable("UV_LOCKED") is { Length: > 0 } and not ("0" or "false");
        if (!frozen && lockFile is not null)
        {
            command.Effect.MayRewrite(lockFile);
        }

        var environment = command.Variable("UV_PROJECT_ENVIRONMENT") ?? directory + "/.venv";
        command.Effect.Write(command.Resolve(environment) ?? environment);
    }

    // uv finds the workspace a project belongs to by walking up from it to a pyproject.toml with `[tool.uv.workspace]`
    // (https://docs.astral.sh/uv/concepts/projects/workspaces/): run in a member's folder, `uv sync` reads that root, every
    // member's pyproject.toml and the root's uv.lock, and writes the root's `.venv`. The root above, or null when no folder
    // above holds one (as far as the build context shows).
    private static string? UvWorkspaceRootAbove(CommandInvocation command, string directory)
    {
        // Resolved paths are relative to the step's working directory unless a `cd` left it.
        if (command.Resolve(directory) is not { } resolved || !command.WorkingDirectory.StartsWith('/')
            || WorkingPath.Combine(command.WorkingDirectory, resolved) is not { } start || start == "/")
        {
            return null;
        }

        foreach (var above in WorkingPath.FoldersAbove(start))
        {
            var candidate = WorkingPath.Combine(above, "pyproject.toml");
            if (command.Lookup(candidate) is not { State: ManifestState.Present } lookup)
            {
                continue;
            }

            if (lookup.Content is null)
            {
                return candidate;
            }

            if (!TomlLines.Read(lookup.Content).Any(entry => entry.Table.StartsWith("tool.uv.workspace", StringComparison.Ordinal)))
            {
                continue;
            }

            // Only a folder the root's `members` globs cover and its `exclude` globs do not is a member; any other is a project
            // of its own (https://docs.astral.sh/uv/concepts/projects/workspaces/#workspace-sources). Walking on to an outer
            // workspace root keeps a nested one's check.
            var folder = start[(above == "/" ? 1 : above.Length + 1)..];
            var members = TomlLines.StringArray(lookup.Content, "tool.uv.workspace", "members");
            var excluded = TomlLines.StringArray(lookup.Content, "tool.uv.workspace", "exclude");
            if (PackageJson.CoversFolder(members.Where(pattern => !pattern.StartsWith('!')), folder)
                && !PackageJson.CoversFolder(excluded.Where(pattern => !pattern.StartsWith('!')), folder))
            {
                return candidate;
            }
        }

        return null;
    }

    // pdm install/sync reads pyproject.toml, pdm.lock and the project's pdm.toml; it installs the project itself unless
    // `--no-self` or `[tool.pdm] distribution = false` (https://pdm-project.org/latest/usage/project/#working-with-a-non-package-project),
    // into the project's `.venv` by default.
    private static void Pdm(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PdmOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("-p", "--project")?.Value ?? ".";
        switch (subcommand)
        {
            case "install" or "sync":
                command.Effect.Ecosystem("pdm");
                command.Effect.Install(command.Display);
                var pyproject = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
                var lockFile = command.ReadsManifest(directory + "/" + (arguments.Value("-L", "--lockfile")?.Value ?? "pdm.lock"), required: subcommand == "sync" || arguments.Has("--frozen-lockfile", "--check"));
                command.ReadsManifest(directory + "/pdm.toml", required: false);
                command.ReadsManifest(directory + "/.pdm-python", required: false);
                if (!arguments.Has("--no-self") && !IsNonDistributionPdmProject(pyproject))
                {
                    command.NeedsSource("installs the project itself (no `--no-self`)");
                }

                if (pyproject.Content is { } text && HasPathDependency(text, static table => table.StartsWith("tool.pdm", StringComparison.Ordinal) || table.StartsWith("dependency-groups", StringComparison.Ordinal)))
                {
                    command.NeedsSource("installs a path dependency declared in `pyproject.toml`");
                }

                if (subcommand == "install" && !arguments.Has("--frozen-lockfile", "--check") && lockFile is not null)
                {
                    command.Effect.MayRewrite(lockFile);
                }

                // An active virtualenv (VIRTUAL_ENV) is used as it is; otherwise pdm creates `.venv` in the project (venv.in_project).
                var venv = command.Variable("VIRTUAL_ENV") is { Length: > 0 } active ? active
                    : command.Variable("PDM_VENV_IN_PROJECT") is "0" or "false" ? command.HomePath(".local/share/pdm/venvs") : directory + "/.venv";
                command.Effect.Write(command.Resolve(venv) ?? venv);
                return;
            case "export":
                // The lock's requirements; the project itself only with --self or --editable-self
                // (https://pdm-project.org/latest/reference/cli/#export), a path dependency as its file URL.
                command.Effect.Ecosystem("pdm");
                command.Effect.Install(command.Display);
                var exported = command.ReadsAndLooksUp(directory + "/pyproject.toml", required: true);
                command.ReadsManifest(directory + "/pdm.lock", required: false);
                var pdmOutput = arguments.Value("-o", "--output");
                command.ExportsRequirements(pdmOutput,
                    arguments.Has("--self", "--editable-self") ? $"the project itself, which `pdm export --self` writes into {ExportTarget(pdmOutput)}"
                    : exported.Content is { } exportedText && HasPathDependency(exportedText, static table => table.StartsWith("tool.pdm", StringComparison.Ordinal) || table.StartsWith("dependency-groups", StringComparison.Ordinal))
                    ? $"a path dependency of `pyproject.toml`, which `pdm export` writes into {ExportTarget(pdmOutput)}" : null);
                return;
            case "config" when arguments.Has("-g", "--global"):
            case "--version" or "self" or "cache":
                command.ReadsNothing("pdm");
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    private static bool IsNonDistributionPdmProject(ManifestLookup pyproject)
    {
        if (pyproject.State != ManifestState.Present || pyproject.Content is not { } text) return false;
        foreach (var (table, line) in TomlLines.Read(text))
        {
            if (table == "tool.pdm" && TomlLines.SetsKey(line, "distribution") && line.Contains("false", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static void Pipx(CommandInvocation command) => Pipx(command, command.Arguments);

    private static void Pipx(CommandInvocation command, IReadOnlyList<ShellWord> words)
    {
        var arguments = ParsedArguments.Parse(words, PipOptions);
        if (arguments.Positionals.Count >= 2 && arguments.Positionals[0].Value is "install" or "inject" or "upgrade")
        {
            foreach (var spec in arguments.Positionals.Skip(1))
            {
                if (PythonPackageSpec.IsLocal(spec.Value))
                {
                    command.ReadsPath(new ShellWord(PythonPackageSpec.LocalPath(spec.Value), spec.IsResolved));
                }
            }

            command.ReadsNothing("pipx", command.Variable("PIPX_HOME") ?? command.HomePath(".local/share/pipx"));
            return;
        }

        command.NotKnown();
    }
}
