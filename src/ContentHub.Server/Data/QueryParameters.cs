using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ContentHub.Server.Data;

/// <summary>
/// Turns a query built for one request into the body of a compiled query: each member of the values object it reads
/// becomes a lambda parameter (one per member), and the context a subquery captured (<c>a => db.Links.Any(…)</c>)
/// becomes the compiled query's context. Any other captured object (a closure) or a constant argument of a
/// <see cref="Queryable"/> operator is refused: its value would be frozen into every later request of the same shape.
/// Constants of value types and strings pass (enum values, literals): the builder must not write a value in as one.
/// </summary>
public static class QueryParameters
{
    /// <summary>
    /// <paramref name="query"/> with the members of <paramref name="valuesType"/> (and of its base classes and
    /// interfaces) as parameters, in the order first read, and <paramref name="context"/> for a captured context.
    /// </summary>
    public static (Expression Body, IReadOnlyList<(MemberInfo Member, ParameterExpression Parameter)> Parameters) Extract(
        Expression query, Type valuesType, ParameterExpression context)
    {
        var extractor = new Extractor(valuesType, context);
        var body = extractor.Visit(query);
        return (body, extractor.Parameters);
    }

    private sealed class Extractor(Type valuesType, ParameterExpression context) : ExpressionVisitor
    {
        public List<(MemberInfo Member, ParameterExpression Parameter)> Parameters { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression && typeof(DbContext).IsAssignableFrom(node.Type))
            {
                return Expression.Convert(context, node.Type);
            }

            if (node.Expression is null || node.Member.DeclaringType is not { } declaring || declaring == typeof(object) || !declaring.IsAssignableFrom(valuesType))
            {
                return base.VisitMember(node);
            }

            foreach (var (member, parameter) in Parameters)
            {
                if (member.Name == node.Member.Name)
                {
                    return parameter;
                }
            }

            var added = Expression.Parameter(node.Type, node.Member.Name);
            Parameters.Add((node.Member, added));
            return added;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            // Take(n), Skip(n) and the like read n when the query is built: a constant there is a value frozen into the shape.
            if (node.Method.DeclaringType == typeof(Queryable) && node.Arguments.Skip(1).FirstOrDefault(a => a is ConstantExpression) is { } frozen)
            {
                throw new InvalidOperationException(
                    $"A compiled query may not give {node.Method.Name} a value ({frozen}): give it a member of {valuesType.Name} as an expression.");
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !node.Type.IsValueType && node.Type != typeof(string))
            {
                throw new InvalidOperationException(
                    $"A compiled query may read per-request values only as members of {valuesType.Name}; this one captures a {node.Type.Name}.");
            }

            return node;
        }

        // The root as built came from one context's query provider; the compiled query runs on any context.
        protected override Expression VisitExtension(Expression node) =>
            node is QueryRootExpression root ? root.DetachQueryProvider() : base.VisitExtension(node);
    }
}
