namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// Measures what a source-only edit costs: builds once to warm the cache, appends a unique line to
/// one source file (in a copy of the context), rebuilds, and reports which steps were CACHED.
/// </summary>
public static class CacheProbe
{
    /// <summary>Runs the probe.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="dockerfileText">The Dockerfile to build (kept outside the context).</param>
    /// <param name="contextDirectory">The build context; it is copied, never modified.</param>
    /// <param name="sourceFile">The file to touch, relative to the context.</param>
    public static CacheProbeResult Run(DockerEngine engine, string dockerfileText, string contextDirectory, string sourceFile)
    {
        var copy = ContextCopy.Create(contextDirectory);
        try
        {
            engine.Build(dockerfileText, copy.Path).RequireImage("the cache probe's warm-up build");
            var touched = Path.Combine(copy.Path, sourceFile);
            if (!File.Exists(touched))
            {
                throw new InvalidOperationException($"the cache probe's source file {sourceFile} is not in the context");
            }

            // A fresh GUID: no earlier run can have cached this content.
            File.AppendAllText(touched, $"\n# cache probe {Guid.NewGuid():N}\n");
            var rebuild = engine.Build(dockerfileText, copy.Path);
            rebuild.RequireImage("the cache probe's rebuild");
            return new CacheProbeResult(MappedStep.Map(rebuild.Steps, dockerfileText), rebuild.Log);
        }
        finally
        {
            copy.Dispose();
        }
    }
}
