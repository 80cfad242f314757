using System.Text.Json;

namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>The facts of a <c>package.json</c> that decide whether an install needs the source.</summary>
/// <param name="LocalDependencies">Dependencies and overrides (<c>resolutions</c>, <c>overrides</c>, <c>pnpm.overrides</c>) on local paths (<c>file:</c>, <c>link:</c>, <c>portal:</c>, <c>workspace:</c>, <c>./x</c>), as <c>name@spec</c>.</param>
/// <param name="HasWorkspaces">True when it declares <c>workspaces</c>.</param>
/// <param name="LifecycleScripts">Install-time scripts it defines (<c>preinstall</c>, <c>install</c>, <c>postinstall</c>, <c>prepare</c>, ...).</param>
/// <param name="PackageManager">The <c>packageManager</c> field, or null.</param>
/// <param name="PatchFiles">
/// Patch files the install applies: named by <c>pnpm.patchedDependencies</c> (pnpm), a top-level <c>patchedDependencies</c> (bun),
/// or a <c>patch:</c> dependency or resolution (Yarn: <c>patch:pkg@npm%3A1.0.0#~/patches/pkg.patch</c>).
/// </param>
/// <param name="HasBin">True when it declares executables to link: a <c>bin</c> field or <c>directories.bin</c>.</param>
/// <param name="PrismaSchemas">
/// The Prisma schema files <c>@prisma/client</c>'s postinstall would read when it is a dependency (it runs <c>prisma generate</c> at
/// install: https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/generating-prisma-client): the <c>prisma.schema</c>
/// path, else Prisma's default places; empty without that dependency.
/// </param>
internal sealed record PackageJson(
    IReadOnlyList<string> LocalDependencies,
    bool HasWorkspaces,
    IReadOnlyList<string> LifecycleScripts,
    string? PackageManager,
    IReadOnlyList<string> PatchFiles,
    IReadOnlyList<string> PrismaSchemas,
    bool HasBin = false)
{
    // Where `prisma generate` looks for the schema when package.json names none (and Prisma 6's config file, which may name one).
    private static readonly string[] DefaultPrismaSchemas = ["schema.prisma", "prisma/schema.prisma", "prisma/schema", "prisma.config.ts"];

    private static readonly string[] DependencyFields = ["dependencies", "devDependencies", "optionalDependencies"];

    // Fields that replace a dependency's version wherever it appears (Yarn's resolutions, npm's overrides): a local spec there is installed too.
    private static readonly string[] OverrideFields = ["resolutions", "overrides"];
    private static readonly string[] InstallScripts = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];
    private static readonly string[] LocalPrefixes = ["file:", "link:", "portal:", "workspace:", "./", "../", "/", "~/"];

    private static void AddPatchFiles(JsonElement patched, List<string> patches)
    {
        if (patched.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var patch in patched.EnumerateObject())
        {
            if (patch.Value.ValueKind == JsonValueKind.String && patch.Value.GetString() is { Length: > 0 } file)
            {
                patches.Add(file);
            }
        }
    }

    // The files after `#` in a Yarn patch: spec (several joined by `&`); `~/` is the project root; Yarn's
    // built-in patches (`optional!builtin<compat/typescript>`) are no files.
    private static IEnumerable<string> YarnPatchFiles(string spec)
    {
        var hash = spec.LastIndexOf('#');
        if (hash < 0)
        {
            yield break;
        }

        foreach (var part in spec[(hash + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = part.StartsWith("optional!", StringComparison.Ordinal) ? part["optional!".Length..] : part;
            if (file.Contains("builtin<", StringComparison.Ordinal) || file.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            yield return file.StartsWith("~/", StringComparison.Ordinal) ? file[2..] : file;
        }
    }

    /// <summary>Reads the facts, or null when the text is not a JSON object.</summary>
    internal static PackageJson? Read(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var local = new List<string>();
            var patches = new List<string>();
            var generatesPrismaClient = false;
            foreach (var field in DependencyFields.Concat(OverrideFields))
            {
                if (root.TryGetProperty(field, out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dependency in dependencies.EnumerateObject())
                    {
                        var spec = dependency.Value.ValueKind == JsonValueKind.String ? dependency.Value.GetString() ?? string.Empty : string.Empty;
                        generatesPrismaClient |= dependency.NameEquals("@prisma/client") && !OverrideFields.Contains(field);
                        if (LocalPrefixes.Any(prefix => spec.StartsWith(prefix, StringComparison.Ordinal)) || spec is "." or "..")
                        {
                            local.Add($"{dependency.Name}@{spec}");
                        }
                        else if (spec.StartsWith("patch:", StringComparison.Ordinal))
                        {
                            patches.AddRange(YarnPatchFiles(spec));
                        }
                    }
                }
            }

            var scripts = new List<string>();
            if (root.TryGetProperty("scripts", out var scriptTable) && scriptTable.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in InstallScripts)
                {
                    if (scriptTable.TryGetProperty(name, out var script) && script.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(script.GetString()))
                    {
                        scripts.Add(name);
                    }
                }
            }

            if (root.TryGetProperty("pnpm", out var pnpm) && pnpm.ValueKind == JsonValueKind.Object && pnpm.TryGetProperty("patchedDependencies", out var patched))
            {
                AddPatchFiles(patched, patches);
            }

            // pnpm's own overrides (`"pnpm": { "overrides": { "left-pad": "file:./vendor/left-pad" } }`) install a local spec like a dependency.
            if (pnpm.ValueKind == JsonValueKind.Object && pnpm.TryGetProperty("overrides", out var pnpmOverrides) && pnpmOverrides.ValueKind == JsonValueKind.Object)
            {
                foreach (var dependency in pnpmOverrides.EnumerateObject())
                {
                    var spec = dependency.Value.ValueKind == JsonValueKind.String ? dependency.Value.GetString() ?? string.Empty : string.Empty;
                    if (LocalPrefixes.Any(prefix => spec.StartsWith(prefix, StringComparison.Ordinal)) || spec is "." or "..")
                    {
                        local.Add($"{dependency.Name}@{spec}");
                    }
                }
            }

            if (root.TryGetProperty("patchedDependencies", out var bunPatched))
            {
                AddPatchFiles(bunPatched, patches);
            }

            var hasWorkspaces = root.TryGetProperty("workspaces", out var workspaces) && workspaces.ValueKind is JsonValueKind.Array or JsonValueKind.Object;
            var packageManager = root.TryGetProperty("packageManager", out var manager) && manager.ValueKind == JsonValueKind.String ? manager.GetString() : null;
            IReadOnlyList<string> prismaSchemas = !generatesPrismaClient ? []
                : root.TryGetProperty("prisma", out var prisma) && prisma.ValueKind == JsonValueKind.Object
                  && prisma.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.GetString() is { Length: > 0 } custom
                    ? [custom]
                    : DefaultPrismaSchemas;
            var hasBin = root.TryGetProperty("bin", out var bin) && bin.ValueKind is JsonValueKind.String or JsonValueKind.Object
                || root.TryGetProperty("directories", out var directories) && directories.ValueKind == JsonValueKind.Object && directories.TryGetProperty("bin", out _);
            return new PackageJson(local, hasWorkspaces, scripts, packageManager, patches, prismaSchemas, hasBin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The folder patterns of the <c>workspaces</c> field (<c>["packages/*"]</c>, or Yarn's <c>{"packages": [...]}</c>); empty
    /// when it declares none; null when the text is not a JSON object.
    /// </summary>
    internal static IReadOnlyList<string>? WorkspacePatterns(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!root.TryGetProperty("workspaces", out var workspaces))
            {
                return [];
            }

            if (workspaces.ValueKind == JsonValueKind.Object && !workspaces.TryGetProperty("packages", out workspaces))
            {
                return [];
            }

            return workspaces.ValueKind != JsonValueKind.Array ? []
                : workspaces.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString() ?? string.Empty)
                    .Where(pattern => pattern.Length > 0).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when <paramref name="folder"/> (relative to the workspace root, <c>/</c>-separated) is one of the workspaces the patterns
    /// name: <c>*</c> matches within one folder name, <c>**</c> any number of folders. Negated patterns (<c>!x</c>) are not
    /// subtracted: a folder they exclude still counts as a member, which only costs a fix.
    /// </summary>
    internal static bool CoversFolder(IEnumerable<string> patterns, string folder)
    {
        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in patterns)
        {
            var pattern = raw.StartsWith('!') ? raw[1..] : raw;
            pattern = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern;
            var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && MatchSegments(parts, 0, segments, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="folder"/> (relative to the workspace root) is a member: a pattern names it and no negated pattern
    /// (<c>!packages/legacy</c>, pnpm's <c>!**/test/**</c>) does. A negated pattern also excludes the folders below the ones it names.
    /// </summary>
    internal static bool IsMember(IEnumerable<string> patterns, string folder)
    {
        var included = false;
        foreach (var raw in patterns)
        {
            if (raw.StartsWith('!'))
            {
                if (CoversFolderOrAbove(raw[1..], folder))
                {
                    return false;
                }
            }
            else
            {
                included |= CoversFolder([raw], folder);
            }
        }

        return included;
    }

    // True when a pattern names the folder or one of the folders above it.
    private static bool CoversFolderOrAbove(string pattern, string folder)
    {
        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var length = segments.Length; length > 0; length--)
        {
            if (CoversFolder([pattern], string.Join('/', segments, 0, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a workspace pattern is a glob (its members are found in the folders, not named).</summary>
    internal static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static bool MatchSegments(string[] pattern, int p, string[] folder, int f)
    {
        if (p == pattern.Length)
        {
            return f == folder.Length;
        }

        if (pattern[p] == "**")
        {
            for (var k = f; k <= folder.Length; k++)
            {
                if (MatchSegments(pattern, p + 1, folder, k))
                {
                    return true;
                }
            }

            return false;
        }

        return f < folder.Length && Copies.WildcardPattern.IsMatch(pattern[p], folder[f]) && MatchSegments(pattern, p + 1, folder, f + 1);
    }
}
