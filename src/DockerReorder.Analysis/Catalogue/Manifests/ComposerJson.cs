using System.Text.Json;

namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>The facts of a <c>composer.json</c> that decide whether <c>composer install</c> needs the source.</summary>
/// <param name="InstallScripts">Script events that run during an install (<c>post-install-cmd</c>, <c>post-autoload-dump</c>, ...).</param>
/// <param name="ClassmapAutoload">True when <c>autoload</c> (or <c>autoload-dev</c>, when counted) has a <c>classmap</c>, which the dump scans.</param>
/// <param name="NamespaceAutoload">True when it has <c>psr-4</c>/<c>psr-0</c> entries, which an optimized dump scans.</param>
/// <param name="OptimizesAutoloader">True when <c>config.optimize-autoloader</c> or <c>config.classmap-authoritative</c> is set.</param>
/// <param name="LocalRepository">
/// The type of the first repository that installs from the project's files (<c>path</c>, <c>artifact</c>, or a
/// <c>vcs</c>/<c>git</c> repository at a local path), or null.
/// </param>
/// <param name="VendorDirectory">The <c>config.vendor-dir</c>, or <c>vendor</c>.</param>
/// <param name="PatchFiles">Local patch files composer-patches applies (<c>extra.patches</c>; https://docs.cweagans.net/composer-patches/).</param>
/// <param name="PatchesFile">
/// The file that lists more patches: <c>extra.patches-file</c> (composer-patches 1.x), <c>extra.composer-patches.patches-file</c>
/// (2.x), or 2.x's default <c>patches.json</c> when the project requires <c>cweagans/composer-patches</c> 2; null otherwise.
/// </param>
/// <param name="PatchesFileRequired">False for 2.x's default <c>patches.json</c>, which the plugin reads only when present.</param>
/// <param name="PatchesLock">True when the project requires composer-patches 2, which applies the patches <c>patches.lock.json</c> records.</param>
/// <param name="BinDirectory">The <c>config.bin-dir</c> when it is outside the vendor folder (the install links package binaries there), or null.</param>
/// <param name="CertificateFiles">The <c>config.cafile</c> (a file) and <c>config.capath</c> (a folder, ending in <c>/</c>) Composer verifies TLS with.</param>
/// <param name="MergesManifests">True when wikimedia/composer-merge-plugin merges other <c>composer.json</c> files (<c>extra.merge-plugin</c>).</param>
/// <param name="ProjectWrites">
/// Project folders the install writes besides the vendor folder: composer/installers' <c>extra.installer-paths</c> (up to the
/// first <c>{$name}</c>), and the web root drupal/core-composer-scaffold writes its files into (<c>extra.drupal-scaffold.locations.web-root</c>).
/// </param>
internal sealed record ComposerJson(
    IReadOnlyList<string> InstallScripts,
    bool ClassmapAutoload,
    bool NamespaceAutoload,
    bool OptimizesAutoloader,
    string? LocalRepository,
    string VendorDirectory,
    IReadOnlyList<string> PatchFiles,
    string? PatchesFile,
    bool PatchesFileRequired,
    bool PatchesLock,
    string? BinDirectory,
    IReadOnlyList<string> CertificateFiles,
    bool MergesManifests,
    IReadOnlyList<string> ProjectWrites)
{
    private static readonly string[] VcsTypes = ["vcs", "git", "github", "gitlab", "bitbucket", "hg", "svn", "fossil"];

    private static readonly string[] InstallEvents =
        ["pre-install-cmd", "post-install-cmd", "pre-update-cmd", "post-update-cmd", "pre-autoload-dump", "post-autoload-dump", "pre-package-install", "post-package-install"];

    /// <summary>Reads the facts, or null when the text is not a JSON object.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="includeDev">True when dev autoloading counts (no <c>--no-dev</c>).</param>
    internal static ComposerJson? Read(string content, bool includeDev)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var scripts = new List<string>();
            if (root.TryGetProperty("scripts", out var table) && table.ValueKind == JsonValueKind.Object)
            {
                scripts.AddRange(InstallEvents.Where(name => table.TryGetProperty(name, out _)));
            }

            var classmap = false;
            var namespaces = false;
            foreach (var section in includeDev ? (string[])["autoload", "autoload-dev"] : ["autoload"])
            {
                if (root.TryGetProperty(section, out var autoload) && autoload.ValueKind == JsonValueKind.Object)
                {
                    classmap |= autoload.TryGetProperty("classmap", out _);
                    namespaces |= autoload.TryGetProperty("psr-4", out _) || autoload.TryGetProperty("psr-0", out _);
                }
            }

            var optimizes = false;
            var vendor = "vendor";
            string? binDirectory = null;
            var certificates = new List<string>();
            if (root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object)
            {
                optimizes = IsTrue(config, "optimize-autoloader") || IsTrue(config, "classmap-authoritative");
                if (config.TryGetProperty("vendor-dir", out var vendorDir) && vendorDir.ValueKind == JsonValueKind.String)
                {
                    vendor = vendorDir.GetString() ?? vendor;
                }

                foreach (var name in (string[])["cafile", "capath"])
                {
                    if (config.TryGetProperty(name, out var certificate) && certificate.ValueKind == JsonValueKind.String && certificate.GetString() is { Length: > 0 } certificatePath)
                    {
                        certificates.Add(name == "capath" ? certificatePath.TrimEnd('/') + "/" : certificatePath);
                    }
                }

                if (config.TryGetProperty("bin-dir", out var binDir) && binDir.ValueKind == JsonValueKind.String && binDir.GetString() is { Length: > 0 } bin)
                {
                    binDirectory = bin.StartsWith("./", StringComparison.Ordinal) ? bin[2..] : bin;
                }
            }

            string? localRepository = null;
            if (root.TryGetProperty("repositories", out var repositories) && repositories.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                var entries = repositories.ValueKind == JsonValueKind.Array ? repositories.EnumerateArray().ToList() : repositories.EnumerateObject().Select(property => property.Value).ToList();
                localRepository = entries.Select(LocalRepositoryType).FirstOrDefault(type => type is not null);
            }

            var patchFiles = new List<string>();
            string? patchesFile = null;
            var projectWrites = new List<string>();
            var patchesTwo = RequiresPatchesTwo(root);
            var patchesFileRequired = true;
            var scaffolds = root.TryGetProperty("require", out var require) && require.ValueKind == JsonValueKind.Object
                && require.TryGetProperty("drupal/core-composer-scaffold", out _);
            if (root.TryGetProperty("extra", out var extra) && extra.ValueKind == JsonValueKind.Object)
            {
                if (extra.TryGetProperty("installer-paths", out var installerPaths) && installerPaths.ValueKind == JsonValueKind.Object)
                {
                    foreach (var path in installerPaths.EnumerateObject())
                    {
                        var brace = path.Name.IndexOf('{', StringComparison.Ordinal);
                        var folder = (brace < 0 ? path.Name : path.Name[..brace]).TrimEnd('/');
                        projectWrites.Add(folder.Length == 0 ? "." : folder);
                    }
                }

                if (scaffolds)
                {
                    var webRoot = extra.TryGetProperty("drupal-scaffold", out var scaffold) && scaffold.ValueKind == JsonValueKind.Object
                        && scaffold.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Object
                        && locations.TryGetProperty("web-root", out var webRootValue) && webRootValue.ValueKind == JsonValueKind.String ? webRootValue.GetString() : null;
                    webRoot = (webRoot ?? "./").Trim().TrimEnd('/');
                    projectWrites.Add(webRoot is "" or "." ? "." : webRoot.StartsWith("./", StringComparison.Ordinal) ? webRoot[2..] : webRoot);
                }

                if (extra.TryGetProperty("patches", out var patches))
                {
                    patchFiles.AddRange(PatchPaths(patches));
                }

                if (extra.TryGetProperty("patches-file", out var file) && file.ValueKind == JsonValueKind.String && file.GetString() is { Length: > 0 } name)
                {
                    patchesFile = name;
                }

                if (extra.TryGetProperty("composer-patches", out var settings) && settings.ValueKind == JsonValueKind.Object
                    && settings.TryGetProperty("patches-file", out var twoFile) && twoFile.ValueKind == JsonValueKind.String && twoFile.GetString() is { Length: > 0 } twoName)
                {
                    patchesFile = twoName;
                }
            }

            // composer-patches 2 reads `patches.json` beside composer.json when no patches-file is set (https://docs.cweagans.net/composer-patches/usage/configuration/).
            if (patchesTwo && patchesFile is null)
            {
                patchesFile = "patches.json";
                patchesFileRequired = false;
            }

            if (scaffolds && projectWrites.Count == 0)
            {
                projectWrites.Add(".");
            }

            var merges = extra.ValueKind == JsonValueKind.Object && extra.TryGetProperty("merge-plugin", out _);
            if (binDirectory is not null && (binDirectory == vendor || binDirectory.StartsWith(vendor + "/", StringComparison.Ordinal)))
            {
                binDirectory = null;
            }

            return new ComposerJson(
                scripts, classmap, namespaces, optimizes, localRepository, vendor, patchFiles, patchesFile, patchesFileRequired, patchesTwo, binDirectory, certificates, merges, projectWrites);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // 2.x is the one with patches.json and patches.lock.json; a constraint naming only 1.x does not count.
    private static bool RequiresPatchesTwo(JsonElement root)
    {
        foreach (var section in (string[])["require", "require-dev"])
        {
            if (root.TryGetProperty(section, out var packages) && packages.ValueKind == JsonValueKind.Object
                && packages.TryGetProperty("cweagans/composer-patches", out var constraint) && constraint.ValueKind == JsonValueKind.String
                && constraint.GetString() is { } text && !text.TrimStart('^', '~', '=', ' ', 'v').StartsWith('1'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local patch files of a <c>patches</c> object (package, then description to a path, or to <c>{ "url": ... }</c>).</summary>
    internal static IEnumerable<string> PatchPaths(JsonElement patches)
    {
        // patches.lock.json may hold a flat array of expanded patch definitions.
        if (patches.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in patches.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } url && !url.Contains("://", StringComparison.Ordinal))
                {
                    yield return url;
                }
            }

            yield break;
        }

        if (patches.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var package in patches.EnumerateObject())
        {
            var entries = package.Value.ValueKind switch
            {
                JsonValueKind.Object => package.Value.EnumerateObject().Select(entry => entry.Value).ToList(),
                JsonValueKind.Array => package.Value.EnumerateArray().ToList(),
                _ => [],
            };
            foreach (var entry in entries)
            {
                var url = entry.ValueKind == JsonValueKind.String ? entry.GetString()
                    : entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
                    : null;
                if (url is { Length: > 0 } && !url.Contains("://", StringComparison.Ordinal))
                {
                    yield return url;
                }
            }
        }
    }

    /// <summary>The patch files a <c>patches-file</c> lists (its <c>patches</c> object), or null when the text is not a JSON object.</summary>
    internal static IReadOnlyList<string>? ReadPatchesFile(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("patches", out var patches)
                ? PatchPaths(patches).ToList()
                : document.RootElement.ValueKind == JsonValueKind.Object ? [] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // `path` and `artifact` repositories read project folders; a VCS repository whose url is a local path does too.
    private static string? LocalRepositoryType(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var type = typeElement.GetString() ?? string.Empty;
        if (type is "path" or "artifact")
        {
            return type;
        }

        var url = entry.TryGetProperty("url", out var urlElement) && urlElement.ValueKind == JsonValueKind.String ? urlElement.GetString() ?? string.Empty : string.Empty;
        var remote = url.Contains("://", StringComparison.Ordinal) || url.Contains('@', StringComparison.Ordinal) || url.Length == 0;
        return VcsTypes.Contains(type, StringComparer.Ordinal) && !remote ? type : null;
    }

    private static bool IsTrue(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
