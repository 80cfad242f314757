namespace DockerReorder.Analysis.Context;

/// <summary>An <see cref="IgnorableFolder"/> present in the context and not fully excluded.</summary>
/// <param name="Folder">What was found.</param>
/// <param name="Path">Where, context-relative (for example <c>node_modules</c> or <c>web/node_modules</c>).</param>
public sealed record IgnorableFolderFinding(IgnorableFolder Folder, string Path);
