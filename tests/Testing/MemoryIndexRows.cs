using Haarlem.Initiatives.Grains.Index;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// The neighbourhood indexes' rows in memory, one store per silo (like its grain storage), for
/// grain and schema tests without a database; a row is only replaced by a higher revision, like
/// the SQL ones (tested in Silo.Tests).
/// </summary>
public sealed class MemoryIndexRows : IIndexRows
{
    private readonly Dictionary<(string Neighbourhood, Guid Id), InitiativeSummary> _rows = [];

    public Task Store(string neighbourhood, IReadOnlyList<InitiativeSummary> summaries, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            foreach (var summary in summaries)
            {
                if (!_rows.TryGetValue((neighbourhood, summary.Id), out var held) || held.Revision < summary.Revision)
                {
                    _rows[(neighbourhood, summary.Id)] = summary;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InitiativeSummary>> Load(string neighbourhood, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            return Task.FromResult<IReadOnlyList<InitiativeSummary>>(_rows.Where(r => r.Key.Neighbourhood == neighbourhood).Select(r => r.Value).ToList());
        }
    }
}
