using System.Text.Json;

namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>The facts of a <c>composer.json</c> that decide whether <c>composer install</c> needs the source.</summary>
/// <param name="InstallScripts">Script events that run during an install (<c>post-install-cmd</c>, <c>post-autoload-dump</c>, ...).</param>
/// <param name="ClassmapAutoload">True when <c>autoload</c> (or <c>autoload-dev</c>, when counted) has a <c>classmap</c>, which the dump scans.</param>
/// <param name="NamespaceAutoload">True when it has <c>psr-4</c>/<c>psr-0</c> entries, which an optimized dump scans.</param>
/// <param name="OptimizesAutoloader">True when <c>config.optimize-autoloader</c> or <c>config.classmap-authoritative</c> is set.</param>
/// <param name="PathRepositories">True when a repository of type <c>path</c> is declared.</param>
/// <param name="VendorDirectory">The <c>config.vendor-dir</c>, or <c>vendor</c>.</param>
internal sealed record ComposerJson(
    IReadOnlyList<string> InstallScripts,
    bool ClassmapAutoload,
    bool NamespaceAutoload,
    bool OptimizesAutoloader,
    bool PathRepositories,
    string VendorDirectory)
{
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
            if (root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object)
            {
                optimizes = IsTrue(config, "optimize-autoloader") || IsTrue(config, "classmap-authoritative");
                if (config.TryGetProperty("vendor-dir", out var vendorDir) && vendorDir.ValueKind == JsonValueKind.String)
                {
                    vendor = vendorDir.GetString() ?? vendor;
                }
            }

            var pathRepositories = false;
            if (root.TryGetProperty("repositories", out var repositories) && repositories.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                var entries = repositories.ValueKind == JsonValueKind.Array ? repositories.EnumerateArray().ToList() : repositories.EnumerateObject().Select(property => property.Value).ToList();
                pathRepositories = entries.Any(entry => entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String && type.GetString() == "path");
            }

            return new ComposerJson(scripts, classmap, namespaces, optimizes, pathRepositories, vendor);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTrue(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
