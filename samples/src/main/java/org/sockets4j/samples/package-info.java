/**
 * The sockets4j command-line samples: the notes' Winsock echo client and server
 * ({@code client.cpp}, {@code serv.cpp}) written against {@link org.sockets4j.Socket},
 * as subcommands of one executable jar, {@code sockets4j.jar}.
 *
 * <p>Entry point: {@link org.sockets4j.samples.Sockets4j}.
 */
package org.sockets4j.samples;
