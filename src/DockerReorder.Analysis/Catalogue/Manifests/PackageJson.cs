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
    IReadOnlyList<string> PrismaSchemas)
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
            return new PackageJson(local, hasWorkspaces, scripts, packageManager, patches, prismaSchemas);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
