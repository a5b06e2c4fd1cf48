using Haarlem.Initiatives.Grains.Desk;

namespace Haarlem.Initiatives.Testing;

/// <summary>The desk's directory of residents and take-over codes in memory, for grain tests without a database.</summary>
public sealed class MemoryResidentDirectory : IResidentDirectory
{
    private readonly Dictionary<string, ResidentListing> _residents = [];
    private readonly Dictionary<string, TakeOverCodeFacts> _codes = [];

    public Task Store(ResidentListing listing, CancellationToken cancellationToken = default)
    {
        lock (_residents)
        {
            _residents[listing.UserId] = listing;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ResidentListing>> Find(string? name, string? postcode, string? houseNumber, int max, CancellationToken cancellationToken = default)
    {
        lock (_residents)
        {
            var code = PostalAddress.NormalisePostcode(postcode);
            return Task.FromResult<IReadOnlyList<ResidentListing>>(_residents.Values
                .Where(r => (string.IsNullOrWhiteSpace(name) || NameKey.Of(r.Name).Contains(NameKey.Of(name), StringComparison.Ordinal)) &&
                            (code is null || (r.Postcode == code && (string.IsNullOrWhiteSpace(houseNumber) || string.Equals(r.HouseNumber, houseNumber.Trim(), StringComparison.OrdinalIgnoreCase)))) &&
                            (!string.IsNullOrWhiteSpace(name) || code is not null))
                .OrderBy(r => NameKey.Of(r.Name), StringComparer.Ordinal).Take(max).ToList());
        }
    }

    public Task StoreCode(string codeHash, string userId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_codes)
        {
            foreach (var old in _codes.Where(c => c.Value.UserId == userId && c.Value.UsedAt is null).Select(c => c.Key).ToList())
            {
                _codes.Remove(old);
            }

            _codes[codeHash] = new TakeOverCodeFacts(userId, expiresAt, null);
        }

        return Task.CompletedTask;
    }

    public Task<TakeOverCodeFacts?> FindCode(string codeHash, CancellationToken cancellationToken = default)
    {
        lock (_codes)
        {
            return Task.FromResult(_codes.GetValueOrDefault(codeHash));
        }
    }

    public Task<bool> UseCode(string codeHash, string usedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_codes)
        {
            if (!_codes.TryGetValue(codeHash, out var facts) || facts.UsedAt is not null)
            {
                return Task.FromResult(false);
            }

            _codes[codeHash] = facts with { UsedAt = at };
            return Task.FromResult(true);
        }
    }
}
