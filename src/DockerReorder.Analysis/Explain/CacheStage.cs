namespace DockerReorder.Analysis.Explain;

/// <summary>A build stage as a chain of cached steps.</summary>
/// <param name="Index">0-based stage index.</param>
/// <param name="Name">The <c>AS</c> name, or null.</param>
/// <param name="BaseStage">The index of the earlier stage named in <c>FROM</c>, or null when it starts from an image.</param>
/// <param name="Steps">The steps, <c>FROM</c> first.</param>
public sealed record CacheStage(int Index, string? Name, int? BaseStage, IReadOnlyList<CacheStep> Steps);
