/**
 * Socket options as a typed table: {@link org.sockets4j.option.SocketOptions} holds
 * one {@link org.sockets4j.option.SockOpt} for each option this library offers, with
 * its {@link org.sockets4j.option.Level}, its C name, its Java value type and the rule
 * its values follow; the records of this package ({@link org.sockets4j.option.Linger},
 * {@link org.sockets4j.option.IpMreq}, {@link org.sockets4j.option.GroupReq}, ...) are
 * the values of the options that take a C struct. Read and write them with
 * {@link org.sockets4j.Socket#getOption} and {@link org.sockets4j.Socket#setOption}.
 */
package org.sockets4j.option;
