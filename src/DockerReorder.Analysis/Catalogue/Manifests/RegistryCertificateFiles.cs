namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// The certificate files a Node package manager's configuration names: <c>cafile</c>, <c>certfile</c> and <c>keyfile</c> in
/// <c>.npmrc</c> (also per registry, <c>//host/:cafile</c>; https://docs.npmjs.com/cli/v10/using-npm/config#cafile), Yarn 4's
/// <c>httpsCaFilePath</c>/<c>httpsCertFilePath</c>/<c>httpsKeyFilePath</c> (and <c>caFilePath</c>) in <c>.yarnrc.yml</c>, and
/// bun's <c>cafile</c> in <c>bunfig.toml</c>. The package manager reads each when it loads its configuration and fails without it.
/// </summary>
internal static class RegistryCertificateFiles
{
    private static readonly string[] Keys = ["cafile", "certfile", "keyfile", "httpsCaFilePath", "httpsCertFilePath", "httpsKeyFilePath", "caFilePath"];

    /// <summary>The paths, unquoted, as written (relative to the project, absolute, or with a <c>${VAR}</c>).</summary>
    internal static IReadOnlyList<string> In(string content)
    {
        var files = new List<string>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            // `key=value` (.npmrc), `key: value` (YAML), `key = "value"` (TOML) or `key "value"` (Yarn 1's .yarnrc).
            var separator = line.IndexOfAny(['=', ':', ' ', '\t']);
            // `//registry.example/:cafile=...`: the key follows the last `:` before the `=`.
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith("//", StringComparison.Ordinal) && equals > 0)
            {
                separator = equals;
            }

            if (separator <= 0)
            {
                continue;
            }

            var key = line[..separator].Trim();
            var colon = key.LastIndexOf(':');
            key = (colon >= 0 ? key[(colon + 1)..] : key).Trim().Trim('"', '\'');
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            var value = line[separator..].TrimStart(' ', '\t', '=', ':').Trim();
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            value = (comment >= 0 ? value[..comment] : value).Trim().Trim('"', '\'');
            if (value.Length > 0 && value != "null")
            {
                files.Add(value);
            }
        }

        return files;
    }
}
