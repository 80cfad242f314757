using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DockerReorder.Analysis.Model;

/// <summary>
/// The variables of a <see cref="VariableSet"/> whose value is known, plus at most one more
/// (Docker's <c>HOME</c> default), without copying them: the environment the catalogue sees at a RUN step.
/// </summary>
public sealed class KnownVariableSet : IReadOnlyDictionary<string, string>
{
    private readonly VariableSet _variables;
    private readonly KeyValuePair<string, string>? _extra;

    internal KnownVariableSet(VariableSet variables, KeyValuePair<string, string>? extra)
    {
        _variables = variables;
        _extra = extra;
        Count = variables.KnownCount + (extra is null ? 0 : 1);
        ContentHash = variables.KnownHash + (extra is { } e ? VariableSet.EntryHash(e.Key, e.Value) : 0);
    }

    /// <summary>An order-independent hash of the entries: equal sets have equal hashes.</summary>
    public int ContentHash { get; }

    /// <summary>This set plus <paramref name="name"/> (which it must not hold) with <paramref name="value"/>, enumerated last.</summary>
    public KnownVariableSet With(string name, string value)
    {
        if (_extra is not null || ContainsKey(name)) throw new InvalidOperationException($"{name} is already set");
        return new KnownVariableSet(_variables, new KeyValuePair<string, string>(name, value));
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc/>
    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    /// <inheritdoc/>
    public IEnumerable<string> Values => this.Select(kv => kv.Value);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_variables.TryGetValue(key, out var known) && known is not null) { value = known; return true; }
        if (_extra is { } e && e.Key == key) { value = e.Value; return true; }
        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var (name, value) in _variables)
        {
            if (value is not null) yield return new KeyValuePair<string, string>(name, value);
        }
        if (_extra is { } e) yield return e;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
