namespace DockerReorder.Analysis.Catalogue;

/// <summary>Knows package managers and harmless commands: classifies a <c>RUN</c> step.</summary>
public interface IEcosystemCatalogue
{
    /// <summary>
    /// Classifies <paramref name="step"/>. <paramref name="readFile"/> looks up a file the step
    /// would read (path relative to the working directory, or absolute) so that references
    /// inside manifests can be followed (<c>-r base.txt</c>, <c>-e .</c>, <c>file:</c> dependencies,
    /// lifecycle scripts, <c>gemspec</c>).
    /// </summary>
    StepEffect Classify(RunStep step, Func<string, ManifestLookup> readFile);
}
