namespace DockerReorder.Analysis.Model;

/// <summary>
/// One declaration of a variable in a stage (an ENV or ARG line), whatever its value: two uses of
/// <c>$APP_HOME</c> see the same value when they see the same binding, even when the value is a build argument.
/// </summary>
public sealed record VariableBinding
{
    private readonly object _history;

    internal VariableBinding(object history, string name, int version)
    {
        _history = history;
        Name = name;
        Version = version;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>The version of the stage's variables at which the declaration was made.</summary>
    public int Version { get; }

    /// <inheritdoc/>
    public bool Equals(VariableBinding? other) =>
        other is not null && ReferenceEquals(_history, other._history) && Name == other.Name && Version == other.Version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Version);
}
