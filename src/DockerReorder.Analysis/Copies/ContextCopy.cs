using DockerReorder.Analysis.Model;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Copies;

/// <summary>
/// A <c>COPY</c> or <c>ADD</c> that reads from the build context: its sources (context-relative,
/// as written after variable substitution), its destination, and the flags that shape what it
/// writes. Copies from another stage or image (<c>--from</c>), heredoc copies and remote
/// <c>ADD</c> sources are not context copies.
/// </summary>
public sealed class ContextCopy
{
    private ContextCopy(Step step, IReadOnlyList<string> sources, string destination, string rawDestination,
        IReadOnlyList<string> variables, bool hasUnknownVariables, IReadOnlyList<string?> excludePatterns)
    {
        ExcludePatterns = excludePatterns;
        Step = step;
        Sources = sources;
        Destination = destination;
        RawDestination = rawDestination;
        Variables = variables;
        HasUnknownVariables = hasUnknownVariables;
    }

    /// <summary>The step of the instruction.</summary>
    public Step Step { get; }

    /// <summary>The instruction.</summary>
    public InstructionSyntax Instruction => Step.Instruction;

    /// <summary>Context-relative sources, cleaned (<c>""</c> is the context root); they may hold wildcards.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The destination after variable substitution (relative to the working directory unless absolute).</summary>
    public string Destination { get; }

    /// <summary>The destination as written.</summary>
    public string RawDestination { get; }

    /// <summary>Variables used by the sources, destination or flags.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>True when a source or the destination uses a variable whose value is not known statically.</summary>
    public bool HasUnknownVariables { get; }

    /// <summary>
    /// The values of the <c>--exclude</c> flags after variable substitution, in order; an entry is null when a variable
    /// in it is not known statically. Empty when the copy excludes nothing.
    /// </summary>
    public IReadOnlyList<string?> ExcludePatterns { get; }

    /// <summary>The flag with this name (lower case), or null.</summary>
    public FlagSyntax? Flag(string name)
    {
        // A loop, not FirstOrDefault with a lambda: the planner asks several times per broad copy, and each closure was an allocation.
        foreach (var flag in Instruction.Flags)
        {
            if (flag.Name == name) return flag;
        }
        return null;
    }

    /// <summary>True when the destination was placed as the working directory a WORKDIR of the same variable set (<c>COPY . ${APP_HOME}</c>).</summary>
    public bool UsesSymbolicWorkdir { get; private init; }

    /// <summary>True when the destination names a directory (ends with <c>/</c>, is <c>.</c>, or there are several sources).</summary>
    public bool DestinationIsDirectory =>
        Destination.EndsWith('/') || Destination == "." || Destination == "./" || Sources.Count > 1 ||
        Sources.Any(s => s.Length == 0 || s.IndexOfAny(['*', '?', '[']) >= 0);

    /// <summary>The destination resolved against the step's working directory, or null when that is unknown.</summary>
    public string? AbsoluteDestination => Step.State.WorkingDirectory.Resolve(Destination);

    /// <summary>Reads a COPY/ADD step; null when it does not copy from the build context.</summary>
    public static ContextCopy? From(Step step, char escape)
    {
        var instruction = step.Instruction;
        if (instruction.Kind is not (InstructionKind.Copy or InstructionKind.Add)) return null;
        foreach (var flag in instruction.Flags)
        {
            if (flag.Name == "from") return null;
        }
        if (instruction.Heredocs.Count > 0) return null;
        var args = instruction.Arguments;
        if (args.Count < 2) return null;

        var variables = new List<string>(0);
        bool unknown = false;
        var sources = new List<string>(args.Count - 1);
        for (int i = 0; i < args.Count - 1; i++)
        {
            var processed = ValueOf(instruction.IsJsonForm ? EscapeForProcessing(args[i], escape) : args[i], step, escape, variables);
            string value = processed ?? args[i];
            if (processed is null) unknown = true;
            if (instruction.Kind == InstructionKind.Add && IsRemote(value)) return null;
            sources.Add(CleanSource(value));
        }
        string rawDest = args[^1];
        var destination = ValueOf(instruction.IsJsonForm ? EscapeForProcessing(rawDest, escape) : rawDest, step, escape, variables);
        var symbolic = destination is null && (destination = UnderSymbolicWorkdir(rawDest, step, escape)) is not null;
        if (destination is null) unknown = true;
        List<string?>? excludes = null;
        foreach (var flag in instruction.Flags)
        {
            if (flag.Value is null) continue;
            var value = ValueOf(flag.Value, step, escape, variables);
            if (flag.Name == "exclude") (excludes ??= []).Add(value);
        }
        // Most copies use no variable: Distinct then makes nothing.
        IReadOnlyList<string> distinct = variables.Count == 0 ? [] : variables.Distinct(StringComparer.Ordinal).ToList();
        return new ContextCopy(step, sources, destination ?? rawDest, rawDest, distinct, unknown, excludes ?? (IReadOnlyList<string?>)[]) { UsesSymbolicWorkdir = symbolic };
    }

    // A word's processed value (null when a variable in it is unknown), adding the variables it uses.
    // Most words are plain text: they are their own value, with no word made for them.
    private static string? ValueOf(string raw, Step step, char escape, List<string> variables)
    {
        if (DockerfileWord.IsPlain(raw, escape)) return raw;
        var word = DockerfileWord.Process(raw, step.State.Variables, escape);
        variables.AddRange(word.Variables);
        return word.Value;
    }

    // `COPY . ${APP_HOME}` under `WORKDIR ${APP_HOME}`, with no ENV or ARG declaring APP_HOME between them: the same
    // directory for every absolute value, so the destination is the working directory (`./`, or `./src` for
    // `${APP_HOME}/src`). For a relative value (a --build-arg) the copy lands strictly below the working directory in
    // both orders, so nothing the install reads there comes from it (a value climbing with `..` aside). Null otherwise.
    private static string? UnderSymbolicWorkdir(string rawDest, Step step, char escape)
    {
        if (step.State.WorkingDirectory.Binding is not { } workdir || step.State.Variables is not VariableSet set) return null;
        if (step.Instruction.IsJsonForm && rawDest.Contains('"')) return null; // quotes in exec form are part of the path
        if (DockerfileWord.SingleVariable(rawDest, escape, out var rest) is not { } name || set.BindingOrInherited(name) != workdir) return null;
        return rest.Length == 0 ? "." : "." + rest;
    }

    // Exec-form values are literal text apart from variables: protect quotes and escapes from the word processor.
    private static string EscapeForProcessing(string value, char escape)
    {
        if (value.AsSpan().IndexOfAny('\'', '"', escape) < 0) return value; // nothing to protect: no copy
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c == '\'' || c == '"' || c == escape) sb.Append(escape);
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        source.StartsWith("git@", StringComparison.Ordinal) ||
        source.EndsWith(".git", StringComparison.Ordinal) && source.Contains("://", StringComparison.Ordinal);

    /// <summary>Cleans a source to a context-relative path: leading <c>/</c> and <c>./</c> removed, <c>.</c> becomes <c>""</c>.</summary>
    public static string CleanSource(string source)
    {
        // Most sources are "." or a clean relative path already: answer them without building strings.
        if (source is "." or "./") return "";
        if (source.Length > 0 && source[0] != '/' && ImagePath.IsNormal(source)) return source;
        var cleaned = ImagePath.Normalize("/" + source);
        return cleaned == "/" ? "" : cleaned[1..];
    }
}
