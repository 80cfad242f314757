using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Fixes;

/// <summary>Replace the text of <paramref name="Span"/> (in the original source) with <paramref name="NewText"/>; an empty span inserts.</summary>
/// <param name="Span">The range in the original text.</param>
/// <param name="NewText">The replacement.</param>
public readonly record struct TextEdit(TextSpan Span, string NewText);
