using System.Runtime.InteropServices;

namespace DockerReorder.Analysis.Model;

/// <summary>
/// The changes ENV and ARG make to the variables along one stage, shared by every
/// <see cref="VariableSet"/> of the stage: each set is a version of it, so a new state records only
/// what its instruction changes (copying every variable per ENV was quadratic in the ENV lines).
/// </summary>
internal sealed class VariableHistory
{
    // Per name, its values in version order; null is a variable whose value is not known (an ARG). Most names
    // are set once: the first value is kept in the slot, and a list is made only for a name set again.
    // Made on the first set: most stages of a big file declare no variable at all.
    private Dictionary<string, Slot>? _changes;

    private struct Slot
    {
        public int FirstVersion;
        public string? FirstValue;
        public List<(int Version, string? Value)>? Later;
    }

    // Names in the order they first appeared, which is the order a copied dictionary enumerated them in.
    private List<string>? _order;

    /// <summary>The newest version; a set of an older one starts a new history when it changes.</summary>
    public int Latest { get; private set; }

    /// <summary>How many names the newest version has.</summary>
    public int LatestCount => _order?.Count ?? 0;

    /// <summary>The name that appeared <paramref name="index"/>-th (0-based).</summary>
    public string NameAt(int index) => _order is { } order ? order[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The value of <paramref name="name"/> at <paramref name="version"/>; false when it is not declared then.</summary>
    public bool TryGet(string name, int version, out string? value)
    {
        value = null;
        if (_changes is null || !_changes.TryGetValue(name, out var slot) || slot.FirstVersion > version) return false;
        var later = slot.Later;
        if (later is null || later[0].Version > version) { value = slot.FirstValue; return true; }
        // Most lookups are at a recent version: look at the end, then search.
        int hi = later.Count - 1;
        if (later[hi].Version <= version) { value = later[hi].Value; return true; }
        int lo = 0;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (later[mid].Version <= version) lo = mid;
            else hi = mid - 1;
        }
        value = later[lo].Value;
        return true;
    }

    /// <summary>The version at which <paramref name="name"/> got the value it has at <paramref name="version"/>; false when it is not declared then.</summary>
    public bool TryGetSetVersion(string name, int version, out int setVersion)
    {
        setVersion = 0;
        if (_changes is null || !_changes.TryGetValue(name, out var slot) || slot.FirstVersion > version) return false;
        setVersion = slot.FirstVersion;
        if (slot.Later is { } later)
        {
            foreach (var (v, _) in later)
            {
                if (v > version) break;
                setVersion = v;
            }
        }
        return true;
    }

    /// <summary>Starts the next version (its changes follow through <see cref="Set"/>).</summary>
    public int Begin() => ++Latest;

    /// <summary>Sets <paramref name="name"/> in the newest version; false when it is a new name.</summary>
    public bool Set(string name, string? value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes ??= new(StringComparer.Ordinal), name, out bool exists);
        if (!exists)
        {
            slot.FirstVersion = Latest;
            slot.FirstValue = value;
            (_order ??= []).Add(name);
            return true;
        }
        if (slot.Later is null)
        {
            if (slot.FirstVersion == Latest) slot.FirstValue = value;
            else slot.Later = [(Latest, value)];
        }
        else if (slot.Later[^1].Version == Latest) slot.Later[^1] = (Latest, value);
        else slot.Later.Add((Latest, value));
        return false;
    }
}
