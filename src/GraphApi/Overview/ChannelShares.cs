using GraphQL.Types;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Notifications;

namespace Haarlem.Initiatives.GraphApi.Overview;

/// <summary>How many came through one channel, and their share of all.</summary>
public sealed record ChannelShare(ContactChannel Channel, int Count, double? Share)
{
    public static IReadOnlyList<ChannelShare> Of(IReadOnlyDictionary<ContactChannel, int> counts)
    {
        var total = counts.Values.Sum();
        return [.. Enum.GetValues<ContactChannel>().Select(channel => new ChannelShare(channel, counts.GetValueOrDefault(channel), ShareOf(counts.GetValueOrDefault(channel), total)))];
    }

    internal static double? ShareOf(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>How many notices reached people one way, and their share of all.</summary>
public sealed record NoticeShare(NoticeRoute Channel, int Count, double? Share)
{
    public static IReadOnlyList<NoticeShare> Of(IReadOnlyDictionary<NoticeRoute, int> counts)
    {
        var total = counts.Values.Sum();
        return [.. Enum.GetValues<NoticeRoute>().Select(route => new NoticeShare(route, counts.GetValueOrDefault(route), ChannelShare.ShareOf(counts.GetValueOrDefault(route), total)))];
    }
}

public sealed class ContactChannelType : EnumerationGraphType<ContactChannel>
{
    public ContactChannelType()
    {
        Name = "ContactChannel";
        Description = "How a resident reached the municipality: WEB themselves, COUNTER at the desk, PHONE by phone (a desk worker acting for them, with their consent).";
    }
}

public sealed class NoticeRouteType : EnumerationGraphType<NoticeRoute>
{
    public NoticeRouteType()
    {
        Name = "NoticeChannelUsed";
        Description = "How a notice reached a person: SITE only on the site, EMAIL, LETTER by post, PHONE by a call from the desk.";
    }
}

public sealed class ChannelShareType : ObjectGraphType<ChannelShare>
{
    public ChannelShareType()
    {
        Name = "ChannelShare";
        Description = "How many came through one channel, and their share.";
        Field<NonNullGraphType<ContactChannelType>>("channel").Description("The channel.").Resolve(c => c.Source.Channel);
        Field(s => s.Count).Description("How many.");
        Field<FloatGraphType>("share").Description("The share (0 to 1) of all; null when there were none at all.").Resolve(c => c.Source.Share);
    }
}

public sealed class NoticeShareType : ObjectGraphType<NoticeShare>
{
    public NoticeShareType()
    {
        Name = "NoticeShare";
        Description = "How many notices reached people one way, and their share.";
        Field<NonNullGraphType<NoticeRouteType>>("channel").Description("The way.").Resolve(c => c.Source.Channel);
        Field(s => s.Count).Description("How many.");
        Field<FloatGraphType>("share").Description("The share (0 to 1) of all; null when there were none at all.").Resolve(c => c.Source.Share);
    }
}
