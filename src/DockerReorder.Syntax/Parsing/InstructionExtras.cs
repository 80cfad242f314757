namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// What few instructions have, kept apart so the usual instruction node stays small: heredocs, an ONBUILD child, and the
/// keyword and flag slots of an instruction with flags (see <see cref="ParserSession"/>).
/// </summary>
/// <param name="Heredocs">The heredocs, in order.</param>
/// <param name="OnbuildInstruction">For ONBUILD, the instruction it wraps.</param>
/// <param name="HeadSlots">Keyword, flags and flag terminator as offsets; null when the keyword is plain and there are no flags.</param>
/// <param name="EndLine">The last line as given to the public constructor; -1 for a parsed node, which counts it.</param>
internal sealed record InstructionExtras(IReadOnlyList<HeredocSyntax> Heredocs, InstructionSyntax? OnbuildInstruction, TokenSlot[]? HeadSlots, int EndLine = -1)
{
    /// <summary>Null when there is nothing to keep.</summary>
    public static InstructionExtras? Of(IReadOnlyList<HeredocSyntax> heredocs, InstructionSyntax? onbuildInstruction, TokenSlot[]? headSlots) =>
        heredocs.Count == 0 && onbuildInstruction is null && headSlots is null ? null : new(heredocs, onbuildInstruction, headSlots);
}
