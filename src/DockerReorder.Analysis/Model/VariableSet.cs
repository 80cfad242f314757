using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DockerReorder.Analysis.Model;

/// <summary>
/// The variables (ENV and ARG) one build state sees, name to value, with null for a variable whose
/// value is not known statically (an ARG). Enumerates in the order the names were declared.
/// Immutable: <see cref="With"/> makes the set of the next state and shares what did not change
/// with this one, so a stage with thousands of ENV lines costs time and memory linear in them.
/// </summary>
public sealed class VariableSet : IReadOnlyDictionary<string, string?>
{
    private readonly VariableHistory _history;
    private readonly int _version;
    private KnownVariableSet? _known;

    private VariableSet(VariableHistory history, int version, int count, int knownCount, int knownHash)
    {
        _history = history;
        _version = version;
        Count = count;
        KnownCount = knownCount;
        KnownHash = knownHash;
    }

    /// <summary>A new set with no variables.</summary>
    public static VariableSet CreateEmpty() => new(new VariableHistory(), 0, 0, 0, 0);

    /// <summary>A new set with the entries of <paramref name="variables"/>, in its enumeration order.</summary>
    public static VariableSet From(IEnumerable<KeyValuePair<string, string?>> variables) => CreateEmpty().With(variables.ToList());

    /// <inheritdoc/>
    public int Count { get; }

    // How many variables have a known value, and an order-independent hash of them (for the catalogue's memo).
    internal int KnownCount { get; }

    internal int KnownHash { get; }

    /// <summary>The variables whose value is known (the environment a RUN step sees).</summary>
    public IReadOnlyDictionary<string, string> Known => _known ??= new KnownVariableSet(this, null);

    /// <summary>
    /// The set after <paramref name="changes"/> (in order; a later change of a name wins). A null value
    /// declares a variable whose value is not known; use <see cref="WithDeclared"/> to keep a value already there.
    /// </summary>
    public VariableSet With(IReadOnlyList<KeyValuePair<string, string?>> changes) => Change(changes, null, keepExisting: false);

    /// <summary>The set after declaring <paramref name="names"/> with no known value, keeping the value of a name already declared (ARG).</summary>
    public VariableSet WithDeclared(IReadOnlyList<string> names) => Change(null, names, keepExisting: true);

    // Applies `changes`, or declares `names` (a list, not an enumerable: no enumerator is made per ENV line).
    private VariableSet Change(IReadOnlyList<KeyValuePair<string, string?>>? changes, IReadOnlyList<string>? names, bool keepExisting)
    {
        // This set is the newest of its history: extend it. Otherwise a later set was already made from
        // this one (an older state changed again): copy what this one sees into a history of its own.
        var start = _version == _history.Latest ? this : Copy();
        var history = start._history;
        int version = history.Begin();
        int count = start.Count, knownCount = start.KnownCount, knownHash = start.KnownHash;
        int total = changes?.Count ?? names!.Count;
        for (int i = 0; i < total; i++)
        {
            var (name, value) = changes is null ? (names![i], null) : (changes[i].Key, changes[i].Value);
            bool exists = history.TryGet(name, version, out var old);
            // An ARG keeps an ENV's known value (ENV wins over a build argument); declaring an unknown one again is a new
            // binding (`ARG X=/b` after `ARG X=/a` changes the default), which BindingOf tells apart.
            if (exists && keepExisting && old is not null) continue;
            if (exists && old is not null) { knownCount--; knownHash -= EntryHash(name, old); }
            history.Set(name, value);
            if (!exists) count++;
            if (value is not null) { knownCount++; knownHash += EntryHash(name, value); }
        }
        return new VariableSet(history, version, count, knownCount, knownHash);
    }

    private VariableSet Copy()
    {
        var history = new VariableHistory();
        history.Begin();
        int knownCount = 0, knownHash = 0;
        foreach (var (name, value) in this)
        {
            history.Set(name, value);
            if (value is not null) { knownCount++; knownHash += EntryHash(name, value); }
        }
        return new VariableSet(history, history.Latest, Count, knownCount, knownHash);
    }

    /// <summary>The hash of one known variable; a set's hash is the sum over its known variables, so order does not matter.</summary>
    internal static int EntryHash(string name, string value) =>
        HashCode.Combine(string.GetHashCode(name, StringComparison.Ordinal), string.GetHashCode(value, StringComparison.Ordinal));

    /// <inheritdoc/>
    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc/>
    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    /// <inheritdoc/>
    public IEnumerable<string?> Values => this.Select(kv => kv.Value);

    /// <summary>
    /// Which declaration of <paramref name="name"/> this set sees, as a value equal between two sets only when no ENV or
    /// ARG declared the name between them; null when it is not declared. Tells `WORKDIR $APP_HOME` and a later
    /// `COPY . $APP_HOME` apart from a copy after `ARG APP_HOME=/other`, though neither value is known.
    /// </summary>
    public VariableBinding? BindingOf(string name) =>
        _history.TryGetSetVersion(name, _version, out int setVersion) ? new VariableBinding(_history, name, setVersion) : null;

    /// <summary>
    /// <see cref="BindingOf"/>, or, for a name no ENV or ARG of the stage declares, the base image's binding of it: a
    /// variable set only by the base image (<c>LAMBDA_TASK_ROOT</c>) keeps one value, unknown here, until the stage declares it.
    /// </summary>
    public VariableBinding BindingOrInherited(string name) => BindingOf(name) ?? new VariableBinding(_history, name, -1);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _history.TryGet(key, _version, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => _history.TryGet(key, _version, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        // The names of this version are the first Count to appear: later versions only append new ones.
        for (int i = 0; i < Count; i++)
        {
            var name = _history.NameAt(i);
            _history.TryGet(name, _version, out var value);
            yield return new KeyValuePair<string, string?>(name, value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
