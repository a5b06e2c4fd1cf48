using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Initiatives;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>An input that names the initiative it changes.</summary>
public interface IInitiativeInput
{
    string InitiativeId { get; }
}

/// <summary>Declares a mutation that changes one initiative through <see cref="InitiativeCommands"/>: signed in, allowed by the rules, audited.</summary>
public static class ChangeMutation
{
    public static void AddChange<TInputType, TInput>(
        this ObjectGraphType mutation, string name, string description,
        Func<TInput, HubAction> action,
        Func<IInitiativeGrain, Actor, InitiativeAccess, TInput, Task<InitiativeChangeResult>> change,
        bool remembersPerson = false)
        where TInputType : InputObjectGraphType<TInput>
        where TInput : IInitiativeInput
    {
        mutation.Field<NonNullGraphType<InitiativeChangePayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input", "What to change.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<TInput>("input");
                if (!Guid.TryParse(input.InitiativeId, out var id))
                {
                    return new InitiativeChangeResult(null, [new UserError("NOT_FOUND", "initiativeId", "There is no initiative with this id.")]);
                }

                var commands = context.RequestServices!.GetRequiredService<InitiativeCommands>();
                return await commands.Change(
                    context.User ?? new ClaimsPrincipal(), name, id, action(input),
                    (grain, actor, access) => change(grain, actor, access, input), context.CancellationToken, remembersPerson);
            });
    }
}
