namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>The project files a <c>.pnpmfile.cjs</c> loads: <c>require</c> or <c>import</c> of a relative path, or any file read.</summary>
internal static class PnpmfileRequires
{
    private static readonly string[] Loaders = ["require(", "import(", "from ", "readFileSync(", "readFile("];

    /// <summary>The first relative module or file the script loads (<c>./hooks</c>), or null when it loads none.</summary>
    internal static string? FirstLocal(string content)
    {
        foreach (var loader in Loaders)
        {
            var start = 0;
            while ((start = content.IndexOf(loader, start, StringComparison.Ordinal)) >= 0)
            {
                start += loader.Length;
                var rest = content.AsSpan(start).TrimStart();
                if (rest.Length > 1 && rest[0] is '\'' or '"' or '`' && rest[1] == '.')
                {
                    var end = rest[1..].IndexOf(rest[0]);
                    return end < 0 ? rest[1..].ToString() : rest.Slice(1, end).ToString();
                }

                // `fs.readFileSync(path.join(__dirname, ...))`: a file of the project named by an expression.
                if (loader.StartsWith("readFile", StringComparison.Ordinal) && rest.Length > 0 && rest[0] is not ('\'' or '"' or '`'))
                {
                    return rest[..Math.Max(0, rest.IndexOf(')'))].ToString();
                }
            }
        }

        return null;
    }
}
