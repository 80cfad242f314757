using System.Collections;

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// A read-only view of the first <c>count</c> items of an array the parser filled: a long file's instruction list is
/// handed over as it was grown, without the copy that trimming it to size would cost.
/// </summary>
internal sealed class ArrayPrefixList<T> : IReadOnlyList<T>, IList<T>
{
    private readonly T[] _items;
    private readonly int _count;

    public ArrayPrefixList(T[] items, int count)
    {
        _items = items;
        _count = count;
    }

    public int Count => _count;

    public bool IsReadOnly => true;

    public T this[int index]
    {
        get => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw new NotSupportedException("the list is read-only");
    }

    public int IndexOf(T item) => Array.IndexOf(_items, item, 0, _count);

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IList<T>.Insert(int index, T item) => throw new NotSupportedException("the list is read-only");

    void IList<T>.RemoveAt(int index) => throw new NotSupportedException("the list is read-only");

    void ICollection<T>.Add(T item) => throw new NotSupportedException("the list is read-only");

    void ICollection<T>.Clear() => throw new NotSupportedException("the list is read-only");

    bool ICollection<T>.Remove(T item) => throw new NotSupportedException("the list is read-only");
}
