namespace Haarlem.Initiatives.Grains.Common;

/// <summary>Lists of records kept one per key (an initiative on an agenda or in a queue).</summary>
public static class KeyedList
{
    /// <summary>Adds the item, or replaces the one with its key; false when an equal item was there already.</summary>
    public static bool Upsert<T, TKey>(this List<T> items, T item, Func<T, TKey> key)
        where TKey : notnull
    {
        var index = items.FindIndex(i => EqualityComparer<TKey>.Default.Equals(key(i), key(item)));
        if (index >= 0 && EqualityComparer<T>.Default.Equals(items[index], item))
        {
            return false;
        }

        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }

        return true;
    }
}
