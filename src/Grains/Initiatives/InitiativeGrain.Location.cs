using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The initiative's place on the map: optional, within the municipality, in the change log when it changes.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> SetLocation(GeoPoint? location, string actor, string? reason)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = new List<UserError>();
        var place = location?.Rounded();
        if (!StatusTransitions.IsOpen(details.Status))
        {
            errors.Add(new UserError("CLOSED", "initiativeId", $"The initiative is {details.Status.DutchLabel().ToLowerInvariant()}; it cannot change any more."));
        }

        if (place is not null)
        {
            errors.AddRange(LocationErrors(place, details.NeighbourhoodCode));
        }

        if (reason?.Trim().Length > StatusTransitions.ReasonMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {StatusTransitions.ReasonMaxLength} characters."));
        }

        if (errors.Count == 0 && place != details.Location && DecisionTaken() && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "A reason is required for changes after the decision."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        if (place == details.Location)
        {
            return new InitiativeChangeResult(details, []);
        }

        var now = time.GetUtcNow();
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var updated = details with { Location = place };
        state.State.Details = updated;
        state.State.ChangeLog.Add(new ChangeLogEntry("Plek", details.Location?.ToString(), place?.ToString(), actor, now, why, Via));
        var text = place is null ? "De plek van het initiatief is weggehaald." : "De plek van het initiatief op de kaart is aangepast.";
        Announce(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.FileChanged, updated.Title,
            why is null ? text : $"{text} Reden: {why}", now, await CurrentDue()));
        await Save();
        return new InitiativeChangeResult(updated, []);
    }

    /// <summary>What is wrong with <paramref name="place"/> for an initiative in <paramref name="neighbourhoodCode"/>.</summary>
    private IEnumerable<UserError> LocationErrors(GeoPoint place, string neighbourhoodCode)
    {
        var errors = GeoRules.Validate(place, "location", map).ToList();
        if (errors.Count == 0 && map.HasBoundaries && map.NeighbourhoodOf(place) is { } code && code != neighbourhoodCode)
        {
            // With boundaries the point decides the neighbourhood; an initiative keeps the one it started in.
            errors.Add(new UserError(UserErrorCodes.Invalid, "location", $"The place lies in neighbourhood {code}, not in the initiative's neighbourhood {neighbourhoodCode}."));
        }

        return errors;
    }
}
