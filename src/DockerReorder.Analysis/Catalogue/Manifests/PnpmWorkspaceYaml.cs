using System.Text;

namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// The files a <c>pnpm-workspace.yaml</c> names: since pnpm 10 its settings live there, <c>patchedDependencies</c>
/// (<c>is-even@1.0.0: patches/is-even@1.0.0.patch</c>; https://pnpm.io/settings#patcheddependencies) and <c>pnpmfile</c> among them.
/// A light reading of the one block, not a YAML parser.
/// </summary>
internal static class PnpmWorkspaceYaml
{
    /// <summary>
    /// The value of the top-level scalar setting <paramref name="key"/> (<c>pnpmfile: config/hooks.cjs</c>), unquoted; empty
    /// when the key holds a block (a list on the next lines); null when the file does not set it.
    /// </summary>
    internal static string? TopLevelValue(string content, string key)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var start = line.StartsWith('"') || line.StartsWith('\'') ? 1 : 0;
            if (string.CompareOrdinal(line, start, key, 0, key.Length) != 0)
            {
                continue;
            }

            var rest = line[(start + key.Length)..].TrimStart('"', '\'', ' ');
            if (!rest.StartsWith(':'))
            {
                continue;
            }

            return WithoutComment(rest[1..]).Trim().Trim('"', '\'');
        }

        return null;
    }

    /// <summary>The values of the top-level <c>patchedDependencies</c> map, unquoted.</summary>
    internal static IReadOnlyList<string> PatchFiles(string content) => MapValues(content, "patchedDependencies");

    /// <summary>
    /// The first override of the top-level <c>overrides</c> map that installs a local folder or archive
    /// (<c>left-pad: file:./vendor/left-pad</c>, <c>link:</c>), as <c>name: spec</c>; null when there is none.
    /// </summary>
    internal static string? LocalOverride(string content) =>
        MapValues(content, "overrides").FirstOrDefault(value => value.StartsWith("file:", StringComparison.Ordinal) || value.StartsWith("link:", StringComparison.Ordinal));

    /// <summary>
    /// The items of the top-level <c>packages</c> list, block (<c>- 'packages/*'</c>) or flow (<c>packages: ['apps/*', 'libs/*']</c>,
    /// on one line or several), unquoted: the workspace folder patterns.
    /// </summary>
    internal static IReadOnlyList<string> Packages(string content)
    {
        var items = new List<string>();
        var inBlock = false;
        StringBuilder? flow = null;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var text = line.TrimStart();
            if (flow is not null)
            {
                // A flow sequence continues over lines until its `]`.
                flow.Append(' ').Append(WithoutComment(text));
                if (FlowItems(flow.ToString(), items)) flow = null;
                continue;
            }

            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.Length == line.Length && !text.StartsWith('-'))
            {
                inBlock = text.StartsWith("packages:", StringComparison.Ordinal);
                var rest = inBlock ? WithoutComment(text["packages:".Length..]).Trim() : "";
                if (rest.StartsWith('[') && !FlowItems(rest, items))
                {
                    flow = new StringBuilder(rest);
                }

                continue;
            }

            if (inBlock && text.StartsWith('-'))
            {
                var value = WithoutComment(text[1..]).Trim().Trim('"', '\'');
                if (value.Length > 0)
                {
                    items.Add(value);
                }
            }
        }

        return items;
    }

    // Adds the items of a flow sequence `[a, 'b', "c"]` and returns true once its closing `]` is in `text`.
    private static bool FlowItems(string text, List<string> items)
    {
        var close = text.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        foreach (var item in text[1..close].Split(','))
        {
            var value = item.Trim().Trim('"', '\'');
            if (value.Length > 0)
            {
                items.Add(value);
            }
        }

        return true;
    }

    // The text before a ` #` comment.
    private static string WithoutComment(string text)
    {
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? text[..comment] : text;
    }

    // The values of the top-level map `key`, unquoted, without comments.
    private static List<string> MapValues(string content, string key)
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
                inBlock = text.StartsWith(key + ":", StringComparison.Ordinal);
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

            var value = WithoutComment(text[(separator + 2)..].Trim()).Trim().Trim('"', '\'');
            if (value.Length > 0)
            {
                files.Add(value);
            }
        }

        return files;
    }
}
