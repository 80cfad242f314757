namespace DockerReorder.Analysis.Shell;

/// <summary>
/// The variables a script sees: the step's ENV/ARG values, overlaid with what the script itself
/// assigns. A variable whose value cannot be known (assigned conditionally, from a substitution) is unknown.
/// </summary>
public sealed class ShellVariables
{
    private readonly IReadOnlyDictionary<string, string> initial;
    private readonly Dictionary<string, string?> overrides;
    private readonly HashSet<string> assigned = new(StringComparer.Ordinal);

    /// <summary>Starts from the step's known values.</summary>
    /// <param name="initial">ENV and ARG values known at the step.</param>
    public ShellVariables(IReadOnlyDictionary<string, string> initial)
        : this(initial, new Dictionary<string, string?>(StringComparer.Ordinal))
    {
    }

    private ShellVariables(IReadOnlyDictionary<string, string> initial, Dictionary<string, string?> overrides)
    {
        this.initial = initial;
        this.overrides = overrides;
    }

    /// <summary>The names assigned since this set was created or cloned.</summary>
    public IReadOnlyCollection<string> AssignedNames => assigned;

    /// <summary>Looks a variable up; false when its value is not known.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value when known.</param>
    public bool TryGet(string name, out string value)
    {
        if (overrides.TryGetValue(name, out var overridden))
        {
            value = overridden ?? string.Empty;
            return overridden is not null;
        }

        if (initial.TryGetValue(name, out var known))
        {
            value = known;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Sets a variable; a null value makes it unknown.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value, or null when it cannot be known.</param>
    public void Set(string name, string? value)
    {
        overrides[name] = value;
        assigned.Add(name);
    }

    /// <summary>A copy for a scope whose changes may be dropped or made unknown (subshell, branch, substitution).</summary>
    public ShellVariables Clone() => new(initial, new Dictionary<string, string?>(overrides, StringComparer.Ordinal));

    /// <summary>
    /// Applies what a simple command does to variables: an assignment-only command sets them,
    /// <c>export</c>/<c>readonly</c>/<c>declare</c>/<c>local</c> set their <c>NAME=value</c> arguments, <c>unset</c> forgets.
    /// </summary>
    /// <param name="command">The command just run.</param>
    public void Apply(SimpleCommand command)
    {
        if (command.Words.Count == 0)
        {
            foreach (var assignment in command.Assignments)
            {
                Set(assignment.Name, assignment.Value.IsResolved ? assignment.Value.Value : null);
            }

            return;
        }

        var name = command.Words[0].Value;
        if (name is "export" or "readonly" or "declare" or "local" or "typeset")
        {
            for (var i = 1; i < command.Words.Count; i++)
            {
                var word = command.Words[i];
                var equals = word.Value.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && IsName(word.Value.AsSpan(0, equals)))
                {
                    Set(word.Value[..equals], word.IsResolved ? word.Value[(equals + 1)..] : null);
                }
            }
        }
        else if (name == "unset")
        {
            for (var i = 1; i < command.Words.Count; i++)
            {
                if (IsName(command.Words[i].Value))
                {
                    Set(command.Words[i].Value, null);
                }
            }
        }
    }

    /// <summary>Makes every variable assigned in <paramref name="scope"/> unknown here (its assignments may or may not have run).</summary>
    /// <param name="scope">A clone used for a conditional or repeated part.</param>
    public void ForgetAssignedIn(ShellVariables scope)
    {
        foreach (var name in scope.AssignedNames)
        {
            Set(name, null);
        }
    }

    /// <summary>True when <paramref name="text"/> is a valid shell variable name.</summary>
    /// <param name="text">The candidate name.</param>
    public static bool IsName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
