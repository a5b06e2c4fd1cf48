using GraphQL;
using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.GraphApi.Input;
using Haarlem.Initiatives.GraphApi.Lifecycle;
using Haarlem.Initiatives.GraphApi.Officials;
using Haarlem.Initiatives.GraphApi.Partners;
using Haarlem.Initiatives.GraphApi.Neighbourhoods;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiativeType : ObjectGraphType<InitiativeDetails>
{
    public InitiativeType(IGrainFactory grains, ClusterCalls calls)
    {
        Name = "Initiative";
        Description = "A residents' initiative: a street garden, a playground, a neighbourhood party.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The initiative's id.").Resolve(c => c.Source.Id);
        Field(i => i.Title).Description("A short name.");
        Field(i => i.Summary).Description("What it is and why.");
        Field<NonNullGraphType<ThemeType>>("theme").Description("What it is about.").Resolve(c => c.Source.Theme);
        Field<NonNullGraphType<StatusType>>("status").Description("Where it stands now.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<NeighbourhoodType>>("neighbourhood")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchNeighbourhoods)
            .Description("The neighbourhood it takes place in.")
            .Resolve(c => HubLoaders.For(c).Neighbourhoods.Get(c.Source.NeighbourhoodCode, n => n));
        Field(i => i.SubmittedAt).Description("When it was submitted.");
        Field(i => i.Plan).Description("The worked-out plan; empty until the initiator writes it.");
        Field(i => i.Conditions, nullable: true).Description("The conditions of the decision, if any.");
        Field<Geo.LocationType>("location").Description("Where it takes place on the map; null when no place was given.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<IntGraphType>>("followerCount")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchFollowers)
            .Description("How many people follow it.")
            .Resolve(c => HubLoaders.For(c).Followers.Get(c.Source.Id, count => count ?? 0));
        Field<ContactOfficialType>("contactOfficial")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchContact)
            .Description("The one named contact official, once assigned; null before that.")
            .Resolve(c => HubLoaders.For(c).Contacts.Get(c.Source.Id, contact => contact?.Current));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HandoverType>>>>("handovers")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchContact)
            .Description("Every change of contact official, oldest first.")
            .Resolve(c => HubLoaders.For(c).Contacts.Get(c.Source.Id, contact => contact?.Handovers ?? []));
        Field<NonNullGraphType<IntGraphType>>("supportCount")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchInput)
            .Description("How many residents support the initiative (each counted once).")
            .Resolve(c => HubLoaders.For(c).Input.Get(c.Source.Id, input => input?.SupportCount ?? 0));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResidentInputType>>>>("input")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchInput)
            .Description("Residents' questions, ideas and concerns with their answers, oldest first.")
            .Resolve(c => HubLoaders.For(c).Input.Get(c.Source.Id, input => input?.Items ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerType>>>>("partners")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchFile)
            .Description("The organisations that take part.")
            .Resolve(c => HubLoaders.For(c).Files.Get(c.Source.Id, file => file?.Partners ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementType>>>>("agreements")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchFile)
            .Description("The agreements, kept, missed or open.")
            .Resolve(c => HubLoaders.For(c).Files.Get(c.Source.Id, file => file?.Agreements ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeLogEntryType>>>>("changeLog")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchFile)
            .Description("Every change to the file, oldest first.")
            .Resolve(c => HubLoaders.For(c).Files.Get(c.Source.Id, file => file?.ChangeLog ?? []));
        Field<InitiatorType>("initiator")
            .Description("Who started it, with contact details: private, for the initiator, the partners' contacts, the contact official and coordinators. Null when the initiator deleted their account.")
            .ResolveAsync(async c =>
            {
                var grain = grains.GetGrain<IInitiativeGrain>(c.Source.Id);
                await c.Require(HubAction.ReadPrivate, await calls.Run(() => grain.GetAccess(), c.CancellationToken));
                return await calls.Run(() => grain.GetInitiator(), c.CancellationToken);
            });
        Field<ListGraphType<NonNullGraphType<InitiativeMessageType>>>("messages")
            .Description("Private messages between the initiator and the municipality, oldest first: for the initiator, the partners' contacts, the contact official and coordinators.")
            .ResolveAsync(async c =>
            {
                var grain = grains.GetGrain<IInitiativeGrain>(c.Source.Id);
                await c.Require(HubAction.ReadPrivate, await calls.Run(() => grain.GetAccess(), c.CancellationToken));
                return await calls.Run(() => grain.GetMessages(), c.CancellationToken);
            });
        Field<NonNullGraphType<TimelineType>>("timeline")
            .WithMetadata(HubLoaders.PrefetchKey, HubLoaders.FetchTimeline)
            .Description("The public, dated timeline: steps passed, and steps ahead with their expected dates.")
            .Resolve(c => HubLoaders.For(c).Timelines.Get(c.Source.Id, t => t));
    }
}
