/**
 * The MCP server: the suite's catalog and assessments as tools, resources and prompts for AI
 * assistants (Model Context Protocol, Streamable HTTP at /mcp), over the services' API with the
 * caller's own token, so an assistant can do exactly what its user may.
 */
package eu.sovereignstack.mcp;
