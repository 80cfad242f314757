namespace DockerReorder.Analysis.Explain;

/// <summary>
/// One build step BuildKit caches (<c>FROM</c>, <c>RUN</c>, <c>COPY</c>, <c>ADD</c>, <c>WORKDIR</c>) and what its
/// cache key depends on besides the step before it.
/// </summary>
/// <param name="Line">1-based line of the instruction's keyword.</param>
/// <param name="Text">The instruction, shortened for display (<c>COPY . ./</c>).</param>
/// <param name="ContextSources">Paths read from the build context (a <c>COPY</c>'s sources, a bind mount's source), as written.</param>
/// <param name="StageDependencies">Indexes of earlier stages whose output the step reads (<c>COPY --from</c>, <c>--mount=from=</c>).</param>
/// <param name="IsFrom">True for the stage's <c>FROM</c>.</param>
public sealed record CacheStep(int Line, string Text, IReadOnlyList<string> ContextSources, IReadOnlyList<int> StageDependencies, bool IsFrom = false);
