using System.Text;
using DockerReorder.Syntax.Parsing;

namespace DockerReorder.Syntax;

/// <summary>
/// BuildKit's view of a parse: the s-expression <c>AST.Dump()</c> prints (the format of BuildKit's parser test
/// <c>result</c> files) and the error BuildKit's parser would stop with.
/// </summary>
public static class BuildKitDump
{
    /// <summary>
    /// The dump of every instruction, one <c>(keyword ["--flag" ...] "arg" ...)</c> line each, with a final line feed
    /// (strings quoted as Go's <c>strconv.Quote</c> does). Meaningful when <see cref="FirstError"/> is null.
    /// </summary>
    public static string Dump(DockerfileSyntax tree)
    {
        var sb = new StringBuilder();
        foreach (var instruction in tree.Instructions)
        {
            sb.Append('(');
            AppendNode(sb, instruction);
            sb.Append(")\n");
        }
        return TrimSpace(sb.ToString()) + "\n";
    }

    /// <summary>The dump of one instruction, without the surrounding parentheses.</summary>
    public static string Dump(InstructionSyntax instruction)
    {
        var sb = new StringBuilder();
        AppendNode(sb, instruction);
        return sb.ToString();
    }

    /// <summary>The first error, in source order: the one BuildKit's parser reports for the file; null when BuildKit accepts it.</summary>
    public static SyntaxDiagnostic? FirstError(DockerfileSyntax tree)
    {
        foreach (var d in tree.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error) return d;
        }
        return null;
    }

    /// <summary>Formats a diagnostic as <c>FILE:LINE:COL: message</c>.</summary>
    public static string FormatError(string path, SyntaxDiagnostic diagnostic) =>
        $"{path}:{diagnostic.Position.Line}:{diagnostic.Position.Column}: {diagnostic.Message}";

    private static void AppendNode(StringBuilder output, InstructionSyntax instruction)
    {
        var sb = new StringBuilder();
        sb.Append(instruction.Keyword.Value.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            sb.Append(" [");
            for (int i = 0; i < instruction.Flags.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                GoQuote.Append(sb, instruction.Flags[i].Text);
            }
            sb.Append(']');
        }
        if (instruction.OnbuildInstruction is { } child)
        {
            sb.Append(" (");
            AppendNode(sb, child);
            sb.Append(')');
        }
        foreach (var argument in instruction.Arguments)
        {
            sb.Append(' ');
            GoQuote.Append(sb, argument);
        }
        output.Append(TrimSpace(sb.ToString()));
    }

    private static string TrimSpace(string s)
    {
        int a = GoText.TrimStart(s, 0, s.Length);
        int b = GoText.TrimEnd(s, a, s.Length);
        return a == 0 && b == s.Length ? s : s.Substring(a, b - a);
    }
}
