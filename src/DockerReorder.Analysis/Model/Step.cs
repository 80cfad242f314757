using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Model;

/// <summary>One instruction of a stage with the build state it runs in.</summary>
/// <param name="Instruction">The instruction.</param>
/// <param name="State">The state before the instruction runs.</param>
/// <param name="Index">Its position in the stage (FROM is 0).</param>
public sealed record Step(InstructionSyntax Instruction, BuildState State, int Index)
{
    /// <summary>The instruction kind.</summary>
    public InstructionKind Kind => Instruction.Kind;

    /// <summary>1-based line of the keyword.</summary>
    public int Line => Instruction.StartLine;
}
