namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>
/// The fields that name a contact official (for assigning or handing over), in one form among
/// several on a page: <paramref name="Suffix"/> keeps their ids apart, <paramref name="ErrorFor"/>
/// and <paramref name="ValueOf"/> give a field's error and the value typed before.
/// </summary>
public sealed record OfficialFields(string Suffix, Func<string, string?> ErrorFor, Func<string, string?> ValueOf)
{
    public static readonly IReadOnlyList<(string Field, string Label, string Type)> All =
    [
        ("officialId", "Coordination.OfficialId", "text"), ("name", "Coordination.Name", "text"), ("role", "Coordination.Role", "text"),
        ("team", "Coordination.Team", "text"), ("email", "Coordination.Email", "email"), ("phone", "Coordination.Phone", "tel"),
    ];
}

/// <summary>A contact official's details as typed in a form (bound as <c>Official.*</c>).</summary>
public sealed class OfficialInput
{
    public string? OfficialId { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Team { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    public string? ValueOf(string field) => field switch
    {
        "officialId" => OfficialId, "name" => Name, "role" => Role, "team" => Team, "email" => Email, _ => Phone,
    };

    public Grains.Officials.ContactOfficial ToContactOfficial() => new(
        OfficialId?.Trim() ?? "", Name?.Trim() ?? "", Role?.Trim() ?? "", Team?.Trim() ?? "", Email?.Trim() ?? "",
        string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());
}
