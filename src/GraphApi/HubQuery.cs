using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Haarlem.Initiatives.GraphApi.Overview;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Initiatives;
using Haarlem.Initiatives.GraphApi.Neighbourhoods;
using Haarlem.Initiatives.GraphApi.PlainLanguage;
using Haarlem.Initiatives.Grains.PlainLanguage;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Audit;
using Haarlem.Initiatives.GraphApi.Officials;
using Haarlem.Initiatives.GraphApi.Security;

using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi;

public sealed class HubQuery : ObjectGraphType
{
    public HubQuery(IGrainFactory grains, ClusterCalls calls)
    {
        Name = "Query";
        Description = "Read the neighbourhoods, their feeds and initiatives (public, no sign-in), and what your role lets you read.";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeighbourhoodType>>>>("neighbourhoods")
            .Description("All neighbourhoods, ordered by district and name.")
            .ResolveAsync(async context => await calls.Run(() => NeighbourhoodDirectory.Get(grains).List(), context.CancellationToken));

        Field<NeighbourhoodType>("neighbourhood")
            .Description("One neighbourhood by its code; null when the code is unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The neighbourhood's code.")
            .ResolveAsync(async context => await calls.Run(() => grains.GetGrain<INeighbourhoodGrain>(context.GetArgument<string>("code")).GetInfo(), context.CancellationToken));

        Field<InitiativeType>("initiative")
            .Description("One initiative by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The initiative's id.")
            .ResolveAsync(async context =>
                Guid.TryParse(context.GetArgument<string>("id"), out var id)
                    ? await HubLoaders.For(context).Initiative(id, context)
                    : null);

        Field<NonNullGraphType<ConnectionType<InitiativeType>>>("initiatives")
            .Description("Initiatives, newest first, filtered and paged. Public.")
            .Argument<InitiativeFilterInputType>("filter", "Which initiatives; all when left out.")
            .Argument<IntGraphType>("first", $"How many, at most {Paging.MaxPageSize}; {InitiativeListing.DefaultPageSize} when left out.")
            .Argument<StringGraphType>("after", "The `endCursor` of the page before, to get the next page.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<InitiativeListing>().List(context, neighbourhood: null));

        AuthorizationRule.RequireAction(Field<NonNullGraphType<OverviewType>>("overview"), HubAction.ReadOverview)
            .Description("The council's figures for a period, for the municipality or one district, from pre-aggregated monthly figures. Council members, coordinators and admins.")
            .Argument<StringGraphType>("district", "Only this district; the whole municipality when left out.")
            .Argument<DateOnlyGraphType>("from", $"The first month counted (any day in it); {CouncilOverview.DefaultMonths} months before `to` when left out.")
            .Argument<DateOnlyGraphType>("to", "The last month counted (any day in it); this month when left out.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<CouncilOverview>().Get(
                context.GetArgument<string?>("district"), context.GetArgument<DateOnly?>("from"), context.GetArgument<DateOnly?>("to"), context.CancellationToken));

        Field<ViewerType>("me")
            .Description("The signed-in person; null for an anonymous visitor.")
            .Resolve(context => HubClaims.ToActor(context.User));

        AuthorizationRule.RequireAction(Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaItemType>>>>("escalations"), HubAction.ReadOverview)
            .Description("The Bestuur op Maat agenda, longest overdue first. Coordinators, council members and admins.")
            .ResolveAsync(async context => await calls.Run(() => EscalationAgenda.Get(grains).List(), context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkItemType>>>>("myWorkQueue")
            .Description("The signed-in official's work queue: their initiatives' current steps and the input waiting for their answer, overdue first, then by due day.")
            .ResolveAsync(async context =>
            {
                var officialId = HubClaims.ToActor(context.User)?.UserId ?? string.Empty;
                await context.Require(HubAction.ReadWorkQueue, officialId);
                return await calls.Run(() => grains.GetGrain<IOfficialGrain>(officialId).GetQueue(), context.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkItemType>>>>("workQueue")
            .Description("Any official's work queue, as in `myWorkQueue`. The official themselves, or a coordinator.")
            .Argument<NonNullGraphType<StringGraphType>>("officialId", "The official's user id.")
            .ResolveAsync(async context =>
            {
                var officialId = context.GetArgument<string>("officialId");
                await context.Require(HubAction.ReadWorkQueue, officialId);
                return await calls.Run(() => grains.GetGrain<IOfficialGrain>(officialId).GetQueue(), context.CancellationToken);
            });

        AuthorizationRule.RequireAction(Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditTrail"), HubAction.ReadAuditTrail)
            .Description("The audit trail of one day (UTC), oldest first. Admins only.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("day", "The day.")
            .ResolveAsync(async context =>
            {
                var day = context.GetArgument<DateOnly>("day");
                return await context.RequestServices!.GetRequiredService<IAuditLog>().Read(day, context.CancellationToken);
            });

        Field<NonNullGraphType<PlainLanguageReportType>>("checkPlainLanguage")
            .Description("Checks a Dutch text for plain language (B1): long sentences, long words, ambtelijke words and passive sentences.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"The text, at most {PlainLanguageChecker.MaxTextLength} characters.")
            .Resolve(context =>
            {
                var text = context.GetArgument<string>("text");
                return text.Length <= PlainLanguageChecker.MaxTextLength
                    ? PlainLanguageChecker.Check(text)
                    : throw new ExecutionError($"The argument 'text' can be at most {PlainLanguageChecker.MaxTextLength} characters; it has {text.Length}.") { Code = "INVALID_ARGUMENT" };
            });
    }
}
