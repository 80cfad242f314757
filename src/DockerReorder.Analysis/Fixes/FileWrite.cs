namespace DockerReorder.Analysis.Fixes;

/// <summary>A fix's change to a file of the build context other than the Dockerfile (a <c>.dockerignore</c>).</summary>
/// <param name="ContextPath">Context-relative path of the file.</param>
/// <param name="OriginalContent">Its content before the fix, or null when the fix creates it.</param>
/// <param name="NewContent">Its content after the fix.</param>
public sealed record FileWrite(string ContextPath, string? OriginalContent, string NewContent);
