using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Rust: <c>cargo fetch</c> reads <c>Cargo.toml</c>, <c>Cargo.lock</c>, <c>.cargo/config.toml</c>, the toolchain file, and
/// whether <c>src/main.rs</c>, <c>src/lib.rs</c> and <c>build.rs</c> exist (cargo refuses a manifest without a target), and the
/// file each target declared without a <c>path</c> resolves to (<c>[[bench]] name = "x"</c>: <c>benches/x.rs</c>);
/// workspaces and path dependencies need the source. <c>cargo chef cook</c> reads its recipe. <c>cargo install x</c> reads nothing;
/// <c>rustup component add</c>, <c>target add</c> and <c>toolchain install</c> read the toolchain file that names the active toolchain.
/// </summary>
internal static class RustCommands
{
    private static readonly FrozenSet<string> CargoOptions = FrozenSet.ToFrozenSet(
        ["--manifest-path", "--target", "--recipe-path", "--version", "--git", "--branch", "--tag", "--rev", "--root", "--path", "-j", "--jobs", "--profile", "--features", "-F", "-p", "--package", "--bin", "--target-dir", "--config", "-Z"],
        StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["cargo"] = Cargo;
        table["rustup"] = Rustup;
    }

    private static readonly FrozenSet<string> RustupOptions = FrozenSet.ToFrozenSet(
        ["--toolchain", "--profile", "-c", "--component", "-t", "--target", "--default-host", "--path"], StringComparer.Ordinal);

    // The toolchain files of the current directory that the context brings.
    private static List<string> ToolchainFiles(CommandInvocation command)
    {
        var files = new List<string>();
        foreach (var name in (string[])["rust-toolchain.toml", "rust-toolchain"])
        {
            if (command.Resolve(name) is { } path && command.Lookup(path).State == ManifestState.Present)
            {
                files.Add(path);
            }
        }

        return files;
    }

    private static string CargoHome(CommandInvocation command) => command.Variable("CARGO_HOME") ?? "/usr/local/cargo";

    private static void Cargo(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, CargoOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "fetch":
                Fetch(command, arguments);
                return;
            case "chef" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "cook":
                command.Effect.Ecosystem("cargo");
                command.Effect.Install(command.Display);
                command.ReadsManifest(arguments.Value("--recipe-path")?.Value ?? "recipe.json", required: true);
                command.ReadsManifest("rust-toolchain.toml", required: false);
                command.ReadsManifest("rust-toolchain", required: false);
                command.Effect.Write(command.Resolve(arguments.Value("--target-dir")?.Value ?? "target") ?? "target");
                command.Effect.Write(CargoHome(command) + "/registry");
                // cook writes the recipe's skeleton (manifests, lock file, dummy src/main.rs) over the working
                // directory, whatever is there (cargo-chef's build_minimum_project).
                foreach (var skeleton in (string[])["Cargo.toml", "Cargo.lock", "src"])
                {
                    command.Effect.Write(command.Resolve(skeleton) ?? skeleton);
                }

                return;
            case "install" when !arguments.Has("--path") && arguments.Positionals.Count > 1 || arguments.Has("--git"):
                command.ReadsNothing("cargo", (arguments.Value("--root")?.Value ?? CargoHome(command)) + "/bin", CargoHome(command) + "/registry");
                // rustup's cargo runs the toolchain a rust-toolchain.toml in the current directory names (installing it first).
                if (command.Variable("RUSTUP_TOOLCHAIN") is null && ToolchainFiles(command) is { Count: > 0 } files)
                {
                    command.Effect.Install(command.Display);
                    foreach (var file in files)
                    {
                        command.Effect.Read(file, required: false);
                    }

                    command.Effect.Write(command.Variable("RUSTUP_HOME") ?? "/usr/local/rustup");
                }

                return;
            case null:
                command.VersionOrNotKnown(arguments, "-V", "--version");
                return;
            default:
                command.NeedsSourceIn("cargo", "builds the crate from the source");
                return;
        }
    }

    private static void Fetch(CommandInvocation command, ParsedArguments arguments)
    {
        command.Effect.Ecosystem("cargo");
        command.Effect.Install(command.Display);
        var manifestName = arguments.Value("--manifest-path")?.Value ?? "Cargo.toml";
        var directory = WorkingPath.DirectoryOf(manifestName);
        var manifest = command.ReadsAndLooksUp(manifestName, required: true);
        var lockPath = command.ReadsManifest(directory + "/Cargo.lock", required: false);
        foreach (var file in (string[])[".cargo/config.toml", ".cargo/config", "rust-toolchain.toml", "rust-toolchain", "src/main.rs", "src/lib.rs", "build.rs"])
        {
            command.ReadsManifest(directory + "/" + file, required: false);
        }

        foreach (var config in (string[])[".cargo/config.toml", ".cargo/config"])
        {
            // Vendored sources (`cargo vendor`: [source.vendored-sources] directory = "vendor") and local patches are read
            // from folders of the context (https://doc.rust-lang.org/cargo/reference/config.html#source).
            if (command.Resolve(directory + "/" + config) is { } configPath && command.Lookup(configPath).Content is { } configText &&
                TomlLines.Read(configText).Any(entry =>
                    entry.Table.StartsWith("source.", StringComparison.Ordinal) && (TomlLines.SetsKey(entry.Line, "directory") || TomlLines.SetsKey(entry.Line, "local-registry")) ||
                    entry.Table.StartsWith("patch", StringComparison.Ordinal) && TomlLines.SetsKey(entry.Line, "path") ||
                    entry.Table.Length == 0 && TomlLines.SetsKey(entry.Line, "paths")))
            {
                command.NeedsSource($"reads crates from a local folder named in `{config}` (vendored sources or a path patch)");
                return;
            }
        }

        if (manifest.Content is { } text)
        {
            foreach (var (table, line) in TomlLines.Read(text))
            {
                if (table == "workspace" || table.StartsWith("workspace.", StringComparison.Ordinal))
                {
                    command.NeedsSource("fetches a workspace declared in `Cargo.toml`");
                    break;
                }

                if (table.Contains("dependencies", StringComparison.Ordinal) && TomlLines.SetsKey(line, "path"))
                {
                    command.NeedsSource("depends on a local path crate declared in `Cargo.toml`");
                    break;
                }

                // [patch.crates-io] foo = { path = "vendor/foo" } and the older [replace] read the local crate too.
                if ((table.StartsWith("patch", StringComparison.Ordinal) || table.StartsWith("replace", StringComparison.Ordinal)) && TomlLines.SetsKey(line, "path"))
                {
                    command.NeedsSource("patches a dependency with a local path crate (`[patch]` in `Cargo.toml`)");
                    break;
                }

                // A target's explicit `path` is not read when cargo parses the manifest (cargo's targets.rs takes it as given:
                // "Should we verify that this path exists here?"), so `[lib] path = ...` and `[[bin]] path = ...` need no copy.
                if (table == "package" && TomlLines.SetsKey(line, "build"))
                {
                    command.Effect.MarkUnverified();
                }
            }
        }

        var declared = manifest.Content is { } manifestText ? DeclaredTargets(manifestText) : [];
        foreach (var target in declared.Where(target => target.Path is null && target.Name is not null && target.Kind != "lib"))
        {
            // A [[bin]], [[example]], [[test]] or [[bench]] without a path resolves to the file target auto-discovery finds for
            // its name (<folder>/<name>.rs or <folder>/<name>/main.rs; a bin named after the package also src/main.rs, read
            // above). Parsing the manifest fails without it ("can't find `x` bench at `benches/x.rs` or `benches/x/main.rs`"),
            // so the manifest copy must bring it.
            var folder = target.Kind switch { "bin" => "src/bin", "example" => "examples", "test" => "tests", _ => "benches" };
            if (target.Kind == "bin" && target.Name == PackageName(manifest.Content!) &&
                command.Resolve(directory + "/src/main.rs") is { } main && command.Lookup(main).State != ManifestState.Absent)
            {
                continue;
            }

            command.ReadsManifest(directory + "/" + folder + "/" + target.Name + ".rs", required: false);
            command.ReadsManifest(directory + "/" + folder + "/" + target.Name + "/main.rs", required: false);
        }

        // Without src/main.rs or src/lib.rs cargo finds the targets in src/bin/ (target auto-discovery, and a [[bin]] without
        // a path resolves to src/bin/<name>.rs too); the manifest copy does not bring them, and cargo refuses a missing target.
        // A target declared with its path is one cargo takes without looking for the file.
        if (manifest.Content is not null && !declared.Any(target => target.Path is not null) &&
            command.Resolve(directory + "/src/main.rs") is { } mainPath && command.Lookup(mainPath).State == ManifestState.Absent &&
            command.Resolve(directory + "/src/lib.rs") is { } libPath && command.Lookup(libPath).State == ManifestState.Absent &&
            command.Classifier.ListDirectory?.Invoke(WorkingPath.Combine(directory, "src/bin")) is { Count: > 0 })
        {
            command.NeedsSource("has no `src/main.rs` or `src/lib.rs`: cargo finds its targets in `src/bin/`, which the manifest copy does not bring");
        }

        if (lockPath is not null && !arguments.Has("--locked", "--frozen") && command.Lookup(lockPath).State != ManifestState.Present)
        {
            command.Effect.MayRewrite(lockPath);
        }

        command.Effect.Write(CargoHome(command) + "/registry");
        command.Effect.Write(CargoHome(command) + "/git");
    }

    /// <summary>A target table of <c>Cargo.toml</c>: <c>[lib]</c>, <c>[[bin]]</c>, <c>[[example]]</c>, <c>[[test]]</c> or <c>[[bench]]</c>.</summary>
    private sealed record CargoTarget(string Kind, string? Name, string? Path);

    /// <summary>The targets <c>Cargo.toml</c> declares, each with its <c>name</c> and <c>path</c> when set.</summary>
    private static List<CargoTarget> DeclaredTargets(string manifest)
    {
        var targets = new List<CargoTarget>();
        CargoTarget? current = null;
        foreach (var raw in manifest.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                if (current is not null)
                {
                    targets.Add(current);
                }

                var header = line.Split('#')[0].Trim();
                current = header switch
                {
                    "[lib]" => new CargoTarget("lib", null, null),
                    "[[bin]]" => new CargoTarget("bin", null, null),
                    "[[example]]" => new CargoTarget("example", null, null),
                    "[[test]]" => new CargoTarget("test", null, null),
                    "[[bench]]" => new CargoTarget("bench", null, null),
                    _ => null,
                };
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (StringValue(line, "name") is { } name)
            {
                current = current with { Name = name };
            }
            else if (StringValue(line, "path") is { } path)
            {
                current = current with { Path = path };
            }
        }

        if (current is not null)
        {
            targets.Add(current);
        }

        return targets;
    }

    /// <summary>The <c>name</c> of the <c>[package]</c> table, or null.</summary>
    private static string? PackageName(string manifest) =>
        TomlLines.Read(manifest).Where(entry => entry.Table == "package").Select(entry => StringValue(entry.Line, "name")).FirstOrDefault(name => name is not null);

    /// <summary>The string a line <c>key = "value"</c> (or <c>'value'</c>) sets, or null.</summary>
    private static string? StringValue(string line, string key)
    {
        if (!line.StartsWith(key, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[key.Length..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length < 2 || rest[0] is not ('"' or '\''))
        {
            return null;
        }

        var end = rest.IndexOf(rest[0], 1);
        return end > 0 ? rest[1..end] : null;
    }

    private static void Rustup(CommandInvocation command)
    {
        // `rustup +nightly component add clippy` names the toolchain before the subcommand.
        var explicitToolchain = command.Arguments.Count > 0 && command.Arguments[0].Value.StartsWith('+');
        var arguments = ParsedArguments.Parse(command.Arguments, RustupOptions, start: explicitToolchain ? 1 : 0);
        var positionals = arguments.Positionals;
        var subcommand = positionals.Count > 0 ? positionals[0].Value : null;
        var rustupHome = command.Variable("RUSTUP_HOME") ?? "/usr/local/rustup";
        // Without a toolchain named here (`--toolchain`, `+name`, RUSTUP_TOOLCHAIN), `component` and `target` act on the active
        // toolchain, which a rust-toolchain.toml (or rust-toolchain) file in the current directory sets, and `toolchain install`
        // with no name installs that file's toolchain (https://rust-lang.github.io/rustup/overrides.html).
        var activeToolchain = subcommand is "component" or "target" or "show"
            || subcommand == "toolchain" && positionals.Count == 2 && positionals[1].Value == "install";
        if (activeToolchain && !explicitToolchain && !arguments.Has("--toolchain") && command.Variable("RUSTUP_TOOLCHAIN") is null &&
            ToolchainFiles(command) is { Count: > 0 } files)
        {
            command.Effect.Ecosystem("rustup");
            command.Effect.Install(command.Display);
            foreach (var file in files)
            {
                command.Effect.Read(file, required: false);
            }

            command.Effect.Write(rustupHome);
            return;
        }

        if (subcommand is "target" or "component" or "toolchain" or "default" or "set" or "update" or "self" or "show")
        {
            command.ReadsNothing("rustup", rustupHome);
            return;
        }

        if (subcommand is null && arguments.Has("-V", "--version"))
        {
            return;
        }

        command.NotKnown();
    }
}
