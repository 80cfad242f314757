namespace DockerReorder.Syntax.Parsing;

/// <summary>An exec-form element as offsets into the source, with its decoded value.</summary>
internal readonly record struct ElementSlot(int Start, int End, string Value);
