namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// One case of the shared real-world corpus (../shared/corpus beside the clone, or DOCKER_REORDER_CORPUS):
/// its folder is the build context and holds the Dockerfile at <c>Dockerfile</c>; MANIFEST.tsv says
/// where that Dockerfile lived in its context (which decides a Dockerfile-specific .dockerignore).
/// </summary>
/// <param name="Name">The case folder name.</param>
/// <param name="Folder">The case folder (the build context).</param>
/// <param name="DockerfileInContext">The Dockerfile's original path in its context, from MANIFEST.tsv.</param>
public sealed record CorpusCase(string Name, string Folder, string DockerfileInContext)
{
    /// <summary>The variable that overrides the corpus folder.</summary>
    public const string FolderVariable = "DOCKER_REORDER_CORPUS";

    /// <summary>The Dockerfile's path.</summary>
    public string DockerfilePath => Path.Combine(Folder, "Dockerfile");

    /// <summary>The corpus folder: DOCKER_REORDER_CORPUS, else <c>shared/corpus</c> beside the repository root.</summary>
    public static string CorpusFolder
    {
        get
        {
            if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(EngineCase.CasesFolder)))!;
            return Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        }
    }

    /// <summary>Every case listed in MANIFEST.tsv, in its order; fails clearly when the corpus is missing.</summary>
    public static IReadOnlyList<CorpusCase> All()
    {
        var manifest = Path.Combine(CorpusFolder, "MANIFEST.tsv");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException(
                $"the corpus is missing (no {manifest}); put the shared data beside the clone or set {FolderVariable}", manifest);
        }

        var lines = File.ReadAllLines(manifest);
        var header = lines[0].Split('\t');
        var nameColumn = Array.IndexOf(header, "case");
        var dockerfileColumn = Array.IndexOf(header, "dockerfile_in_context");
        return lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new CorpusCase(f[nameColumn], Path.Combine(CorpusFolder, f[nameColumn]), f[dockerfileColumn]))
            .ToList();
    }
}
