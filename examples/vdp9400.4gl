#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - VENDAS                                          #
# PROGRAMA: vdp9400 - PEDIDOS ESPECÍFICOS DO CLIENTE (exemplo)      #
# OBS.....: a chave VDPESP não está no catálogo deste exemplo, que  #
#           é parcial: ela é assumida como existente (LGX018)       #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario
END GLOBALS

#------------------#
 FUNCTION vdp9400()
#------------------#
   IF LOG_initApp("VDPESP") <> 0 THEN
      RETURN
   END IF

   CALL vdp9400_lista()
END FUNCTION

#------------------------#
 FUNCTION vdp9400_lista()
#------------------------#
   DEFINE l_qtd_pedidos   INTEGER

   SELECT COUNT(*)
     INTO l_qtd_pedidos
     FROM pedidos
    WHERE cod_empresa = p_cod_empresa

   DISPLAY "Pedidos específicos: ", l_qtd_pedidos USING "<<<<<&" AT 4,1
END FUNCTION
