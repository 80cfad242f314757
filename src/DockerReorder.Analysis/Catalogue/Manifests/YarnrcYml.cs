namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// The environment files Yarn 4 reads for every command, <c>yarn install</c> included: <c>injectEnvironmentFiles</c> in
/// <c>.yarnrc.yml</c>, <c>[".env.yarn?"]</c> when unset; their variables feed the <c>${VAR}</c> values of <c>.yarnrc.yml</c>
/// and the scripts the install runs, and a trailing <c>?</c> makes a file optional (https://yarnpkg.com/configuration/yarnrc#injectEnvironmentFiles).
/// A light reading of the one key, not a YAML parser.
/// </summary>
internal static class YarnrcYml
{
    /// <summary>Yarn's default: <c>.env.yarn</c>, read when present.</summary>
    internal static IReadOnlyList<EnvironmentFile> DefaultEnvironmentFiles { get; } = [new(".env.yarn", Required: false)];

    /// <summary>The files <c>injectEnvironmentFiles</c> lists (block or flow sequence), or the default when the key is absent.</summary>
    internal static IReadOnlyList<EnvironmentFile> EnvironmentFiles(string content)
    {
        const string Key = "injectEnvironmentFiles:";
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith(Key, StringComparison.Ordinal))
            {
                continue;
            }

            var inline = StripComment(line[Key.Length..]).Trim();
            var items = new List<string>();
            if (inline.StartsWith('['))
            {
                items.AddRange(inline.Trim('[', ']').Split(',').Select(item => item.Trim()));
            }
            else
            {
                for (var j = i + 1; j < lines.Length; j++)
                {
                    var item = StripComment(lines[j].TrimEnd('\r')).Trim();
                    if (item.Length == 0)
                    {
                        continue;
                    }

                    if (!item.StartsWith('-') || lines[j].Length > 0 && !char.IsWhiteSpace(lines[j][0]) && !lines[j].StartsWith('-'))
                    {
                        break;
                    }

                    items.Add(item[1..].Trim());
                }
            }

            return items.Select(item => item.Trim('"', '\'')).Where(item => item.Length > 0)
                .Select(item => item.EndsWith('?') ? new EnvironmentFile(item[..^1], Required: false) : new EnvironmentFile(item, Required: true))
                .ToList();
        }

        return DefaultEnvironmentFiles;
    }

    /// <summary>
    /// The files Yarn loads before it installs: the release <c>yarnPath</c> names and each plugin's <c>path</c> under
    /// <c>plugins</c> (https://yarnpkg.com/configuration/yarnrc#yarnPath, #plugins); without them Yarn fails to start.
    /// </summary>
    internal static IReadOnlyList<string> LoadedFiles(string content)
    {
        var files = new List<string>();
        var inPlugins = false;
        foreach (var raw in content.Split('\n'))
        {
            var line = StripComment(raw.TrimEnd('\r'));
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var topLevel = !char.IsWhiteSpace(line[0]) && !text.StartsWith('-');
            if (topLevel)
            {
                inPlugins = text.StartsWith("plugins:", StringComparison.Ordinal);
                if (text.StartsWith("yarnPath:", StringComparison.Ordinal))
                {
                    files.Add(Unquote(text["yarnPath:".Length..]));
                }

                continue;
            }

            if (!inPlugins)
            {
                continue;
            }

            // `- path: x.cjs` (with `spec:` beside it) or the short form `- x.cjs`.
            var item = text.StartsWith('-') ? text[1..].Trim() : text;
            if (item.StartsWith("path:", StringComparison.Ordinal))
            {
                files.Add(Unquote(item["path:".Length..]));
            }
            else if (text.StartsWith('-') && !item.Contains(':', StringComparison.Ordinal))
            {
                files.Add(Unquote(item));
            }
        }

        return files.Where(file => file.Length > 0).ToList();
    }

    /// <summary>The value of the top-level setting <paramref name="key"/> (<c>cacheFolder: ./.yarn-offline</c>), unquoted, or null.</summary>
    internal static string? TopLevelValue(string content, string key)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = StripComment(raw.TrimEnd('\r'));
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return Unquote(line[(key.Length + 1)..]);
            }
        }

        return null;
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'');

    private static string StripComment(string text)
    {
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? text[..comment] : text;
    }

    /// <summary>One environment file, relative to the project root, and whether Yarn fails without it.</summary>
    /// <param name="Path">The path as written.</param>
    /// <param name="Required">False for an entry ending in <c>?</c>.</param>
    internal sealed record EnvironmentFile(string Path, bool Required);
}
