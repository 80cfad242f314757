namespace DockerReorder.Analysis.Copies;

/// <summary>
/// File names that are dependency manifests, lock files or package-manager configuration: the one list
/// the broad-copy test, the catalogue and the --explain cache model share.
/// </summary>
public static class ManifestNames
{
    private static readonly string[] Exact =
    [
        "requirements.txt", "constraints.txt", "pyproject.toml", "poetry.lock", "poetry.toml", "Pipfile", "Pipfile.lock",
        "uv.lock", "uv.toml", "pip.conf", "pip.ini", "environment.yml", "environment.yaml", "pdm.lock", "pdm.toml", ".pdm-python", "setup.cfg", "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", ".yarnrc", ".yarnclean",
        ".yarnrc.yml", ".env.yarn", ".npmrc", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".pnpmfile.cjs", "bun.lockb", "bun.lock", "go.mod", "go.sum",
        "go.work", "go.work.sum", "Gemfile", "Gemfile.lock", "composer.json", "composer.lock", "auth.json", "symfony.lock", "patches.json", "patches.lock.json", "pom.xml",
        "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradle.lockfile", "buildscript-gradle.lockfile", "settings-gradle.lockfile", "gradlew", "mvnw", "settings.xml",
        "Cargo.toml", "Cargo.lock", "mix.exs", "mix.lock", "global.json", "NuGet.config", "nuget.config", "NuGet.Config",
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "dotnet-tools.json", ".python-version", ".nvmrc",
        ".ruby-version", ".tool-versions", "gems.rb", "gems.locked", "bunfig.toml", "packages.lock.json", "packages.config",
        "recipe.json", "pubspec.yaml", "pubspec.lock", "pubspec_overrides.yaml", "Package.swift", "Package.resolved", "renv.lock", ".Rprofile", "DESCRIPTION", "rust-toolchain.toml", "rust-toolchain",
        // Environment files an installer loads itself: Pipenv's `.env`, Yarn 4's `.env.yarn` (listed above with .yarnrc.yml).
        ".env",
    ];

    // Build scripts and MSBuild imports are configuration, never application source: a Gradle script applied with
    // `apply from`, a Gradle version catalog (`libs.versions.toml`), an `eng/Versions.props` imported by Directory.Build.props. A .patch file is an input of the install
    // that applies it (pnpm, bun and Yarn patches, patch-package, composer-patches), not source.
    // A registry's CA certificate (`cafile=certs/ca.pem` in .npmrc) is package-manager configuration too.
    private static readonly string[] Extensions = [".csproj", ".fsproj", ".vbproj", ".sln", ".slnx", ".gemspec", ".gradle", ".gradle.kts", ".versions.toml", ".props", ".targets", ".patch", ".pem", ".crt"];

    /// <summary>True when <paramref name="fileName"/> (a base name) is a manifest.</summary>
    public static bool IsManifest(string fileName, IReadOnlyList<string>? extra = null)
    {
        foreach (var e in Exact) if (string.Equals(e, fileName, StringComparison.Ordinal)) return true;
        foreach (var x in Extensions) if (fileName.EndsWith(x, StringComparison.OrdinalIgnoreCase)) return true;
        if (fileName.StartsWith("requirements", StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal)) return true;
        // A variant npm config a Dockerfile points NPM_CONFIG_USERCONFIG at (`.npmrc.docker`, `.npmrc.ci`).
        if (fileName.StartsWith(".npmrc.", StringComparison.Ordinal)) return true;
        if (extra is not null) foreach (var e in extra) if (string.Equals(e, fileName, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when the context file at <paramref name="path"/> is a manifest: by its name, a <c>.txt</c>/<c>.in</c> file in a <c>requirements</c> folder, or a file of a manifest folder.</summary>
    public static bool IsManifestPath(string path, IReadOnlyList<string>? extra = null)
    {
        int slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        if (IsManifest(name, extra)) return true;
        if (slash < 0) return false;
        var parent = path[..slash];
        var parentName = parent[(parent.LastIndexOf('/') + 1)..];
        // Cargo's configuration (registries, source replacement) lives in .cargo/config.toml (or the older .cargo/config).
        if (parentName == ".cargo" && name is "config.toml" or "config") return true;
        // renv's bootstrap and settings, which its .Rprofile loads before any restore.
        if (parentName == "renv" && name is "activate.R" or "settings.json" or "settings.dcf") return true;
        if (parentName.StartsWith("requirements", StringComparison.Ordinal) &&
            (name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".in", StringComparison.Ordinal))) return true;
        // A file of a manifest folder (.yarn/releases/yarn-4.5.1.cjs, gradle/wrapper/gradle-wrapper.jar) changes with the tool, like the folder.
        for (var folder = parent; folder.Length > 0; folder = folder.LastIndexOf('/') is var up and > 0 ? folder[..up] : string.Empty)
        {
            if (IsManifestFolder(folder)) return true;
        }

        return false;
    }

    // Folders a dependency install reads whole and that hold no application source: a build tool's wrapper and its
    // settings (Gradle's gradle/ and buildSrc/, Maven's .mvn/), Yarn's own release, plugins, patches and offline cache, and
    // Bundler's gem cache (vendor/cache, written by `bundle cache`).
    private static readonly string[] Folders = ["gradle", "buildSrc", ".mvn", ".yarn/releases", ".yarn/plugins", ".yarn/patches", ".yarn/cache", "vendor/cache", ".swiftpm/configuration"];

    /// <summary>True when <paramref name="contextPath"/> (a folder, <c>/</c>-separated) ends in a manifest folder such as <c>gradle</c> or <c>.yarn/releases</c>.</summary>
    public static bool IsManifestFolder(string contextPath)
    {
        // Spans, not "/" + folder: the planner asks this for every folder of every copied path, and the concatenation was 4% of a 5 MiB check.
        var path = contextPath.AsSpan().TrimEnd('/');
        foreach (var folder in Folders)
        {
            if (!path.EndsWith(folder, StringComparison.Ordinal)) continue;
            if (path.Length == folder.Length || path[path.Length - folder.Length - 1] == '/') return true;
        }
        return false;
    }

    private static readonly string[] ProjectRoots =
    [
        "package.json", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "go.mod", "Gemfile", "composer.json", "pom.xml",
        "build.gradle", "build.gradle.kts", "Cargo.toml", "mix.exs", "pubspec.yaml", "Package.swift",
    ];

    /// <summary>True when <paramref name="fileName"/> marks the root of a project, beside which its source lives.</summary>
    public static bool IsProjectRoot(string fileName) =>
        ProjectRoots.Contains(fileName, StringComparer.Ordinal) ||
        fileName.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a COPY wildcard (base name part) can match a manifest name: <c>package*.json</c>, <c>*.csproj</c>, <c>Gemfile*</c>.</summary>
    public static bool PatternTargetsManifests(string pattern, IReadOnlyList<string>? extra = null)
    {
        int literal = pattern.Count(c => c is not ('*' or '?' or '[' or ']'));
        if (literal < 3) return false;
        foreach (var e in Exact.Concat(extra ?? []))
            if (WildcardPattern.IsMatch(pattern, e)) return true;
        foreach (var x in Extensions)
            if (WildcardPattern.IsMatch(pattern, "Project" + x) && pattern.EndsWith(x, StringComparison.OrdinalIgnoreCase)) return true;
        if (WildcardPattern.IsMatch(pattern, "requirements.txt") || WildcardPattern.IsMatch(pattern, "requirements-dev.txt")) return true;
        return false;
    }
}
