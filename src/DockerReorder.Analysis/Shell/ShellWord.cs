namespace DockerReorder.Analysis.Shell;

/// <summary>One shell word after quote removal and variable substitution.</summary>
/// <param name="Value">The text; an expansion whose value is not known stays as written (<c>$HOME</c>, <c>$(nproc)</c>).</param>
/// <param name="IsResolved">False when <paramref name="Value"/> still holds an expansion the reader could not resolve.</param>
public readonly record struct ShellWord(string Value, bool IsResolved = true)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
