namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// The patch files a <c>pnpm-workspace.yaml</c> names: since pnpm 10 its settings, <c>patchedDependencies</c> among them,
/// live there (<c>is-even@1.0.0: patches/is-even@1.0.0.patch</c>; https://pnpm.io/settings#patcheddependencies).
/// A light reading of the one block, not a YAML parser.
/// </summary>
internal static class PnpmWorkspaceYaml
{
    /// <summary>The values of the top-level <c>patchedDependencies</c> map, unquoted.</summary>
    internal static IReadOnlyList<string> PatchFiles(string content)
    {
        var files = new List<string>();
        var inBlock = false;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var text = line.TrimStart();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.Length == line.Length)
            {
                inBlock = text.StartsWith("patchedDependencies:", StringComparison.Ordinal);
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            // `key: value` with a quoted or plain key; the key holds `@` but no `: ` before the value.
            var separator = text.LastIndexOf(": ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var value = text[(separator + 2)..].Trim();
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            value = (comment >= 0 ? value[..comment] : value).Trim().Trim('"', '\'');
            if (value.Length > 0)
            {
                files.Add(value);
            }
        }

        return files;
    }
}
