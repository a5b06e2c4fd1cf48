using System.Runtime.CompilerServices;
using System.Security.Claims;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Validation;
using GraphQLParser.AST;
using Haarlem.Initiatives.Grains.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>
/// Refuses a document before it runs when it asks for a field the caller's roles never allow:
/// for each field with a policy (<see cref="RequireAction{TSourceType, TReturnType}"/>) it asks
/// ASP.NET Core's <see cref="IAuthorizationService"/> with that policy. Rules that depend on one
/// initiative's facts (is this person its initiator?) cannot be decided before the initiative
/// is read; those fields and the mutations ask the same service, with the initiative as the
/// resource, when they run (<see cref="Guard"/>, <see cref="InitiativeCommands"/>).
/// </summary>
public sealed class AuthorizationRule : ValidationRuleBase
{
    public const string ActionKey = "haarlem.action";

    public static readonly AuthorizationRule Instance = new();

    /// <summary>Marks a field as allowed only to those the rules allow <paramref name="action"/> (decided without a resource).</summary>
    public static FieldBuilder<TSourceType, TReturnType> RequireAction<TSourceType, TReturnType>(FieldBuilder<TSourceType, TReturnType> field, HubAction action)
    {
        field.FieldType.Metadata[ActionKey] = action;
        return field.AuthorizeWithPolicy(new HubActionRequirement(action).PolicyName);
    }

    // Documents (parsed once and cached) that ask for no field with a policy: nothing to check
    // for any caller, so a cached one is not walked again.
    private static readonly ConditionalWeakTable<GraphQLDocument, object> Unprotected = new();

    /// <summary>True when the document, checked once, asks for no field with a policy: the rule has nothing to do for any caller.</summary>
    public static bool IsUnprotected(GraphQLDocument document) => Unprotected.TryGetValue(document, out _);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(IsUnprotected(context.Document) ? null : new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        private bool _protectedFields;

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is not GraphQLField field || context.TypeInfo.GetFieldDef() is not { } definition ||
                definition.GetMetadata<HubAction?>(ActionKey) is not { } action)
            {
                return;
            }

            _protectedFields = true;

            var user = context.User ?? new ClaimsPrincipal();
            var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
            foreach (var policy in definition.GetPolicies() ?? [])
            {
                if (!(await authorization.AuthorizeAsync(user, null, policy)).Succeeded)
                {
                    var refusal = HubAuthorization.Refusal(user, action);
                    context.ReportError(new ValidationError(context.Document.Source, refusal.Code, $"{definition.Name}: {refusal.Message}", field) { Code = refusal.Code });
                    return;
                }
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLDocument document && !_protectedFields)
            {
                Unprotected.AddOrUpdate(document, true);
            }

            return default;
        }
    }
}
